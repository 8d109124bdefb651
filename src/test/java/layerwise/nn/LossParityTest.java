package layerwise.nn;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import layerwise.tensor.Autograd;
import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/**
 * Every loss and option against PyTorch 1.13: the loss, the gradient of sum(loss * [1, 2, 3, ...]) with
 * respect to the input (so a "none" loss shows that each element's g reaches its own element), and the
 * grad_fn's name; and every one against finite differences (gradcheck).
 *
 * <p>The fixtures were recorded with src/test/python/loss_fixtures.py, which runs, for each case,
 * <pre>
 *   x = torch.tensor(INPUT, requires_grad=True); out = fn(x)
 *   (out * torch.arange(1, out.numel() + 1).reshape(out.shape)).sum().backward()
 *   print(out, x.grad, type(out.grad_fn).__name__)          # floats as numpy's float32 repr
 * </pre>
 * e.g. {@code fn = lambda x: F.cross_entropy(x, torch.tensor([1, 0, 3]), weight=w, ignore_index=0)}.
 * Tolerance: 2e-6 relative plus 1e-7 absolute. The workbook's sums accumulate in double and its exp is
 * Java's, where PyTorch sums in float with SIMD lanes and uses SLEEF's exp, so the last bit may differ.
 */
class LossParityTest {
    static final float[][] X = {{0.5f, -1.25f, 2.0f, 0.125f}, {-0.75f, 1.5f, 0.25f, -2.0f}, {1.0f, 0.0f, -0.5f, 3.0f}};
    static final Tensor T = Tensor.of(new float[] {1, 0, 3}, 3);
    static final float[][] P = {{0.1f, 0.2f, 0.3f, 0.4f}, {0.7f, 0.1f, 0.1f, 0.1f}, {0.0f, 0.0f, 1.0f, 0.0f}};
    static final Tensor W = Tensor.of(new float[] {0.5f, 1.0f, 2.0f, 1.5f}, 4);
    static final float[][] Y = {{0.0f, 1.0f, 1.0f, 0.0f}, {1.0f, 0.0f, 0.5f, 1.0f}, {0.0f, 0.25f, 1.0f, 1.0f}};
    static final float[][] PR = {{0.9f, 0.2f, 0.6f, 0.01f}, {0.3f, 0.999f, 0.5f, 0.75f}, {0.05f, 0.4f, 0.8f, 1.0f}};
    static final float[][][] X3 = {{{0.2f, -0.3f}, {1.1f, 0.4f}, {-0.6f, 2.2f}}, {{0.0f, 0.9f}, {-1.3f, 0.5f}, {0.8f, -0.1f}}};
    static final Tensor T3 = Tensor.of(new float[][] {{2, 0}, {1, 2}});

    record Torch(String gradFn, float[] loss, float[] grad) {
    }

    private static Torch torch(String gradFn, float[] loss, float[] grad) {
        return new Torch(gradFn, loss, grad);
    }

    static final Map<String, Torch> PYTORCH = Map.ofEntries(
            entry("mse mean", torch("MseLossBackward0", new float[] {1.6638937f},
                    new float[] {-0.06666666f, -0.24166667f, 0.23333333f, 0.019166667f, -0.175f, 0.0835f, -0.041666668f, -0.45833334f, 0.15833333f, -0.06666667f, -0.21666667f, 0.33333334f})),
            entry("l1 mean", torch("MeanBackward0", new float[] {1.0471667f},
                    new float[] {-0.083333336f, -0.083333336f, 0.083333336f, 0.083333336f, -0.083333336f, 0.083333336f, -0.083333336f, -0.083333336f, 0.083333336f, -0.083333336f, -0.083333336f, 0.083333336f})),
            entry("ce mean", torch("NllLossBackward0", new float[] {2.1314852f},
                    new float[] {0.052553423f, -0.32420093f, 0.2355281f, 0.0361194f, -0.3086283f, 0.2343949f, 0.06715527f, 0.007078113f, 0.03711925f, 0.013655409f, 0.008282424f, -0.059057098f})),
            entry("ce weight ignore mean", torch("NllLossBackward0", new float[] {1.5559294f},
                    new float[] {0.063064106f, -0.3890411f, 0.28263372f, 0.04334328f, 0.0f, 0.0f, 0.0f, 0.0f, 0.06681465f, 0.024579737f, 0.014908363f, -0.106302775f})),
            entry("ce smoothing mean", torch("AddBackward0", new float[] {2.1335685f},
                    new float[] {0.035886765f, -0.27420095f, 0.21886148f, 0.01945274f, -0.2586283f, 0.21772827f, 0.050488614f, -0.009588553f, 0.020452587f, -0.0030112567f, -0.008384243f, -0.009057092f})),
            entry("ce smoothing weight ignore mean", torch("AddBackward0", new float[] {3.245148f},
                    new float[] {0.08798985f, -0.49703196f, 0.40638536f, 0.0026567017f, -0.22251101f, 0.2898726f, -0.0026248614f, -0.06473674f, 0.0f, 0.0f, 0.0f, 0.0f})),
            entry("ce probabilities mean", torch("DivBackward1", new float[] {2.6648185f},
                    new float[] {0.019220091f, -0.057534255f, 0.13552812f, -0.09721394f, -0.2086283f, 0.20106156f, 0.033821933f, -0.026255222f, 0.03711925f, 0.013655409f, -0.32505092f, 0.27427626f})),
            entry("ce probabilities weight smoothing mean", torch("DivBackward1", new float[] {3.7360127f},
                    new float[] {0.055984728f, -0.055273984f, 0.14013849f, -0.14084925f, -0.08829091f, 0.15973035f, -0.019920468f, -0.05151899f, 0.067287885f, 0.017953329f, -0.600723f, 0.51548177f})),
            entry("ce 3d mean", torch("NllLoss2DBackward0", new float[] {2.287148f},
                    new float[] {0.06395608f, -0.23354857f, 0.15730658f, 0.03312911f, -0.22126268f, 0.20041947f, 0.07146791f, 0.122657284f, -0.23052272f, 0.08221964f, 0.15905479f, -0.2048769f})),
            entry("nll weight mean", torch("NllLossBackward0", new float[] {-0.9583333f},
                    new float[] {0.0f, -0.33333334f, 0.0f, 0.0f, -0.16666667f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, -0.5f})),
            entry("bce mean", torch("BinaryCrossEntropyBackward0", new float[] {1.2010082f},
                    new float[] {0.8333332f, -0.41666663f, -0.13888888f, 0.08417508f, -0.27777776f, 83.334404f, 0.0f, -0.11111111f, 0.0877193f, 0.052083332f, -0.104166664f, 0.0f})),
            entry("bce weight mean", torch("BinaryCrossEntropyBackward0", new float[] {1.1840962f},
                    new float[] {0.4166666f, -0.41666663f, -0.27777776f, 0.12626262f, -0.13888888f, 83.334404f, 0.0f, -0.16666667f, 0.04385965f, 0.052083332f, -0.20833333f, 0.0f})),
            entry("bce logits mean", torch("BinaryCrossEntropyWithLogitsBackward0", new float[] {1.0046464f},
                    new float[] {0.051871613f, -0.06477499f, -0.009933581f, 0.04426745f, -0.056598227f, 0.0681312f, 0.0051813773f, -0.07339976f, 0.06092155f, 0.020833334f, -0.05187161f, -0.0039521554f})),
            entry("bce logits weight pos_weight mean", torch("BinaryCrossEntropyWithLogitsBackward0", new float[] {1.230577f},
                    new float[] {0.051871613f, -0.06477499f, -0.019867161f, 0.04426745f, -0.014149557f, 0.0340656f, -0.0065306327f, -0.055049818f, 0.1218431f, 0.041666668f, -0.20748644f, -0.011856477f})),
            entry("mse sum", torch("MseLossBackward0", new float[] {19.966724f},
                    new float[] {-0.79999995f, -2.9f, 2.8f, 0.23f, -2.1f, 1.002f, -0.5f, -5.5f, 1.9f, -0.8f, -2.6f, 4.0f})),
            entry("l1 sum", torch("SumBackward0", new float[] {12.566001f},
                    new float[] {-1.0f, -1.0f, 1.0f, 1.0f, -1.0f, 1.0f, -1.0f, -1.0f, 1.0f, -1.0f, -1.0f, 1.0f})),
            entry("ce sum", torch("NllLossBackward0", new float[] {6.394456f},
                    new float[] {0.15766026f, -0.9726028f, 0.7065843f, 0.1083582f, -0.92588484f, 0.70318466f, 0.2014658f, 0.02123434f, 0.11135775f, 0.040966228f, 0.02484727f, -0.17717129f})),
            entry("ce weight ignore sum", torch("NllLossBackward0", new float[] {3.8898237f},
                    new float[] {0.15766026f, -0.9726028f, 0.7065843f, 0.1083582f, 0.0f, 0.0f, 0.0f, 0.0f, 0.16703662f, 0.06144934f, 0.037270907f, -0.26575693f})),
            entry("ce smoothing sum", torch("AddBackward0", new float[] {6.4007063f},
                    new float[] {0.107660264f, -0.8226028f, 0.65658426f, 0.058358196f, -0.77588487f, 0.65318465f, 0.1514658f, -0.028765662f, 0.061357748f, -0.009033773f, -0.02515273f, -0.027171314f})),
            entry("ce smoothing weight ignore sum", torch("AddBackward0", new float[] {4.867722f},
                    new float[] {0.13198477f, -0.74554795f, 0.609578f, 0.0039850497f, -0.33376652f, 0.43480885f, -0.0039373077f, -0.09710511f, 0.0f, 0.0f, 0.0f, 0.0f})),
            entry("ce probabilities sum", torch("NegBackward0", new float[] {7.9944553f},
                    new float[] {0.05766026f, -0.17260276f, 0.40658426f, -0.2916418f, -0.6258849f, 0.60318464f, 0.1014658f, -0.07876566f, 0.11135775f, 0.040966228f, -0.97515273f, 0.8228287f})),
            entry("ce probabilities weight smoothing sum", torch("NegBackward0", new float[] {11.208038f},
                    new float[] {0.16795419f, -0.16582194f, 0.42041552f, -0.42254776f, -0.2648727f, 0.47919106f, -0.059761383f, -0.15455697f, 0.20186366f, 0.053859986f, -1.802169f, 1.5464453f})),
            entry("ce 3d sum", torch("NllLoss2DBackward0", new float[] {9.148592f},
                    new float[] {0.25582433f, -0.93419427f, 0.6292263f, 0.13251644f, -0.8850507f, 0.8016779f, 0.28587165f, 0.49062914f, -0.9220909f, 0.32887855f, 0.63621914f, -0.8195076f})),
            entry("nll weight sum", torch("NllLossBackward0", new float[] {-2.875f},
                    new float[] {0.0f, -1.0f, 0.0f, 0.0f, -0.5f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, -1.5f})),
            entry("bce sum", torch("BinaryCrossEntropyBackward0", new float[] {14.412099f},
                    new float[] {9.999998f, -4.9999995f, -1.6666666f, 1.010101f, -3.3333333f, 1000.0129f, 0.0f, -1.3333334f, 1.0526316f, 0.625f, -1.25f, 0.0f})),
            entry("bce weight sum", torch("BinaryCrossEntropyBackward0", new float[] {14.209155f},
                    new float[] {4.999999f, -4.9999995f, -3.3333333f, 1.5151515f, -1.6666666f, 1000.0129f, 0.0f, -2.0f, 0.5263158f, 0.625f, -2.5f, 0.0f})),
            entry("bce logits sum", torch("BinaryCrossEntropyWithLogitsBackward0", new float[] {12.0557575f},
                    new float[] {0.62245935f, -0.7772999f, -0.11920297f, 0.5312094f, -0.6791787f, 0.81757444f, 0.062176526f, -0.8807971f, 0.7310586f, 0.25f, -0.6224593f, -0.047425866f})),
            entry("bce logits weight pos_weight sum", torch("BinaryCrossEntropyWithLogitsBackward0", new float[] {14.766924f},
                    new float[] {0.62245935f, -0.7772999f, -0.23840594f, 0.5312094f, -0.16979468f, 0.40878722f, -0.07836759f, -0.6605978f, 1.4621172f, 0.5f, -2.4898372f, -0.14227772f})),
            entry("mse none", torch("MseLossBackward0", new float[] {0.15999998f, 2.1025002f, 1.9599999f, 0.013225f, 1.1024998f, 0.251001f, 0.0625f, 7.5625f, 0.9025f, 0.16000001f, 1.6899998f, 4.0f},
                    new float[] {-0.79999995f, -5.8f, 8.4f, 0.92f, -10.5f, 6.012f, -3.5f, -44.0f, 17.1f, -8.0f, -28.599998f, 48.0f})),
            entry("l1 none", torch("AbsBackward0", new float[] {0.39999998f, 1.45f, 1.4f, 0.115f, 1.05f, 0.501f, 0.25f, 2.75f, 0.95f, 0.4f, 1.3f, 2.0f},
                    new float[] {-1.0f, -2.0f, 3.0f, 4.0f, -5.0f, 6.0f, -7.0f, -8.0f, 9.0f, -10.0f, -11.0f, 12.0f})),
            entry("ce none", torch("NllLossBackward0", new float[] {3.597313f, 2.6021357f, 0.19500722f},
                    new float[] {0.15766026f, -0.9726028f, 0.7065843f, 0.1083582f, -1.8517697f, 1.4063693f, 0.4029316f, 0.04246868f, 0.33407325f, 0.12289868f, 0.074541815f, -0.53151387f})),
            entry("ce weight ignore none", torch("NllLossBackward0", new float[] {3.597313f, 0.0f, 0.29251084f},
                    new float[] {0.15766026f, -0.9726028f, 0.7065843f, 0.1083582f, 0.0f, 0.0f, 0.0f, 0.0f, 0.50110984f, 0.18434802f, 0.11181272f, -0.7972708f})),
            entry("ce smoothing none", torch("AddBackward0", new float[] {3.2785628f, 2.5021358f, 0.6200073f},
                    new float[] {0.107660264f, -0.8226028f, 0.65658426f, 0.058358196f, -1.5517697f, 1.3063693f, 0.3029316f, -0.057531323f, 0.18407327f, -0.027101314f, -0.075458184f, -0.08151387f})),
            entry("ce smoothing weight ignore none", torch("AddBackward0", new float[] {3.159299f, 1.7084234f, 0.0f},
                    new float[] {0.13198477f, -0.74554795f, 0.609578f, 0.0039850497f, -0.66753304f, 0.8696177f, -0.0078746155f, -0.19421022f, 0.0f, 0.0f, 0.0f, 0.0f})),
            entry("ce probabilities none", torch("NegBackward0", new float[] {1.8973129f, 2.4021356f, 3.6950073f},
                    new float[] {0.05766026f, -0.17260276f, 0.40658426f, -0.2916418f, -1.2517698f, 1.2063693f, 0.2029316f, -0.15753132f, 0.33407325f, 0.12289868f, -2.9254582f, 2.468486f})),
            entry("ce probabilities weight smoothing none", torch("NegBackward0", new float[] {2.33197f, 1.9256794f, 6.9503884f},
                    new float[] {0.16795419f, -0.16582194f, 0.42041552f, -0.42254776f, -0.5297454f, 0.9583821f, -0.119522765f, -0.30911395f, 0.605591f, 0.16157997f, -5.4065065f, 4.639336f})),
            entry("ce 3d none", torch("ViewBackward0", new float[] {2.1632643f, 2.7210484f, 2.5522122f, 1.7120668f},
                    new float[] {0.25582433f, -1.8683885f, 0.6292263f, 0.2650329f, -0.8850507f, 1.6033558f, 0.857615f, 1.9625165f, -2.7662725f, 1.3155142f, 1.9086574f, -3.2780304f})),
            entry("nll weight none", torch("NllLossBackward0", new float[] {1.25f, 0.375f, -4.5f},
                    new float[] {0.0f, -1.0f, 0.0f, 0.0f, -1.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, -4.5f})),
            entry("bce none", torch("BinaryCrossEntropyBackward0", new float[] {2.302585f, 1.609438f, 0.5108256f, 0.010050327f, 1.2039728f, 6.9077682f, 0.6931472f, 0.2876821f, 0.051293306f, 0.61219186f, 0.22314353f, -0.0f},
                    new float[] {9.999998f, -9.999999f, -5.0f, 4.040404f, -16.666666f, 6000.077f, 0.0f, -10.666667f, 9.473684f, 6.2499995f, -13.749999f, 0.0f})),
            entry("bce weight none", torch("BinaryCrossEntropyBackward0", new float[] {1.1512924f, 1.609438f, 1.0216511f, 0.01507549f, 0.6019864f, 6.9077682f, 1.3862944f, 0.43152314f, 0.025646653f, 0.61219186f, 0.44628707f, -0.0f},
                    new float[] {4.999999f, -9.999999f, -10.0f, 6.060606f, -8.333333f, 6000.077f, 0.0f, -16.0f, 4.736842f, 6.2499995f, -27.499998f, 0.0f})),
            entry("bce logits none", torch("BinaryCrossEntropyWithLogitsBackward0", new float[] {0.974077f, 1.501929f, 0.12692805f, 0.757599f, 1.136871f, 1.7014134f, 0.7009394f, 2.126928f, 1.3132616f, 0.6931472f, 0.974077f, 0.04858733f},
                    new float[] {0.62245935f, -1.5545998f, -0.3576089f, 2.1248376f, -3.3958936f, 4.9054465f, 0.43523568f, -7.0463767f, 6.5795274f, 2.5f, -6.847052f, -0.5691104f})),
            entry("bce logits weight pos_weight none", torch("BinaryCrossEntropyWithLogitsBackward0", new float[] {0.974077f, 1.501929f, 0.2538561f, 0.757599f, 0.28421775f, 0.8507067f, 0.49445456f, 1.595196f, 2.6265233f, 1.3862944f, 3.896308f, 0.145762f},
                    new float[] {0.62245935f, -1.5545998f, -0.7152178f, 2.1248376f, -0.8489734f, 2.4527233f, -0.54857314f, -5.2847824f, 13.159055f, 5.0f, -27.388208f, -1.7073326f})),
            entry("ce single", torch("NllLossBackward0", new float[] {0.3473128f},
                    new float[] {0.15766026f, 0.027397241f, -0.29341573f, 0.1083582f})),
            entry("ce single smoothing", torch("AddBackward0", new float[] {0.7613753f},
                    new float[] {0.09516026f, -0.03510276f, -0.105915725f, 0.045858197f})),
            entry("softmax 1", torch("SoftmaxBackward0", new float[] {0.15766026f, 0.027397245f, 0.7065843f, 0.10835821f, 0.07411511f, 0.70318466f, 0.20146579f, 0.021234337f, 0.111357756f, 0.040966228f, 0.024847275f, 0.8228287f},
                    new float[] {-0.27837133f, -0.020976441f, 0.16559474f, 0.13375299f, -0.08670122f, -0.119413696f, 0.16725318f, 0.038862694f, -0.28498086f, -0.06387237f, -0.013893276f, 0.3627466f})),
            entry("softmax 0", torch("SoftmaxBackward0", new float[] {0.34068924f, 0.049669754f, 0.79626775f, 0.053064875f, 0.0976091f, 0.7769657f, 0.13837059f, 0.0063376958f, 0.5617016f, 0.17336449f, 0.065361634f, 0.9405974f},
                    new float[] {-1.6639429f, -0.22325455f, -0.8570831f, -0.4006467f, -0.086291224f, -0.38442603f, 0.40454364f, -0.022499643f, 1.7502347f, 0.6076809f, 0.4525394f, 0.42314667f})),
            entry("log_softmax 1", torch("LogSoftmaxBackward0", new float[] {-1.8473128f, -3.597313f, -0.3473128f, -2.222313f, -2.6021357f, -0.35213572f, -1.6021357f, -3.8521357f, -2.1950073f, -3.1950073f, -3.6950073f, -0.19500722f},
                    new float[] {-0.5766026f, 1.7260276f, -4.0658426f, 2.916418f, 3.0730066f, -12.282802f, 1.7618892f, 7.447907f, 4.3229747f, 8.279418f, 9.956414f, -22.558805f})),
            entry("log_softmax -1 3d", torch("LogSoftmaxBackward0", new float[] {-1.3632643f, -2.7210484f, -0.46326423f, -2.0210485f, -2.1632643f, -0.22104843f, -1.2522123f, -0.71206677f, -2.5522122f, -1.1120667f, -0.4522122f, -1.7120668f},
                    new float[] {-1.302419f, 1.2103312f, -2.6630368f, 2.4098027f, 3.9654565f, -3.6201346f, -0.7185347f, -6.718874f, 6.896454f, 0.13364345f, -6.177917f, 6.585229f})),
            entry("bce logits large", torch("BinaryCrossEntropyWithLogitsBackward0", new float[] {0.0f, 80.0f, 80.0f, 0.0f},
                    new float[] {0.0f, 2.0f, -3.0f, 7.2194053e-35f})),
            entry("ce large", torch("NllLossBackward0", new float[] {5.000023f},
                    new float[] {0.0f, 0.0f, 0.0f, 1.0305297e-09f, -0.4999773f, 0.4999773f}))
    );

    /** One case: its name in PYTORCH, the loss as a function of the input, and the input. */
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String r : new String[] {"mean", "sum", "none"}) {
            add(all, "mse " + r, x -> new MSELoss(r).forward(x, Tensor.of(PR)), Tensor.of(X));
            add(all, "l1 " + r, x -> new L1Loss(r).forward(x, Tensor.of(PR)), Tensor.of(X));
            add(all, "ce " + r, x -> new CrossEntropyLoss(CrossEntropyLoss.options().reduction(r)).forward(x, T), Tensor.of(X));
            add(all, "ce weight ignore " + r, x -> new CrossEntropyLoss(CrossEntropyLoss.options().weight(W).ignoreIndex(0)
                    .reduction(r)).forward(x, T), Tensor.of(X));
            add(all, "ce smoothing " + r, x -> new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(0.2)
                    .reduction(r)).forward(x, T), Tensor.of(X));
            add(all, "ce smoothing weight ignore " + r, x -> new CrossEntropyLoss(CrossEntropyLoss.options().weight(W)
                    .ignoreIndex(3).labelSmoothing(0.3).reduction(r)).forward(x, T), Tensor.of(X));
            add(all, "ce probabilities " + r, x -> new CrossEntropyLoss(CrossEntropyLoss.options().reduction(r))
                    .forward(x, Tensor.of(P)), Tensor.of(X));
            add(all, "ce probabilities weight smoothing " + r, x -> new CrossEntropyLoss(CrossEntropyLoss.options().weight(W)
                    .labelSmoothing(0.1).reduction(r)).forward(x, Tensor.of(P)), Tensor.of(X));
            add(all, "ce 3d " + r, x -> new CrossEntropyLoss(CrossEntropyLoss.options().reduction(r)).forward(x, T3), Tensor.of(X3));
            add(all, "nll weight " + r, x -> new NLLLoss(NLLLoss.options().weight(W).reduction(r)).forward(x, T), Tensor.of(X));
            add(all, "bce " + r, x -> new BCELoss(BCELoss.options().reduction(r)).forward(x, Tensor.of(Y)), Tensor.of(PR));
            add(all, "bce weight " + r, x -> new BCELoss(BCELoss.options().weight(W).reduction(r)).forward(x, Tensor.of(Y)),
                    Tensor.of(PR));
            add(all, "bce logits " + r, x -> new BCEWithLogitsLoss(BCEWithLogitsLoss.options().reduction(r))
                    .forward(x, Tensor.of(Y)), Tensor.of(X));
            add(all, "bce logits weight pos_weight " + r, x -> new BCEWithLogitsLoss(BCEWithLogitsLoss.options()
                    .weight(Tensor.of(new float[] {1f, 0.5f, 2f}, 3, 1)).posWeight(W).reduction(r)).forward(x, Tensor.of(Y)),
                    Tensor.of(X));
        }
        add(all, "ce single", x -> new CrossEntropyLoss().forward(x, Tensor.scalar(2)), Tensor.of(X[0], 4));
        add(all, "ce single smoothing", x -> new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(0.25))
                .forward(x, Tensor.scalar(2)), Tensor.of(X[0], 4));
        add(all, "softmax 1", x -> new Softmax(1).forward(x), Tensor.of(X));
        add(all, "softmax 0", x -> Functional.softmax(x, 0), Tensor.of(X));
        add(all, "log_softmax 1", x -> new LogSoftmax(1).forward(x), Tensor.of(X));
        add(all, "log_softmax -1 3d", x -> Functional.logSoftmax(x, 1), Tensor.of(X3));
        add(all, "bce logits large", x -> new BCEWithLogitsLoss(BCEWithLogitsLoss.options().reduction("none"))
                .forward(x, Tensor.of(new float[] {1, 0, 1, 0}, 4)), Tensor.of(new float[] {80, 80, -80, -80}, 4));
        add(all, "ce large", x -> new CrossEntropyLoss().forward(x, Tensor.of(new float[] {0, 1}, 2)),
                Tensor.of(new float[][] {{1000, -1000, 0}, {50, 60, 70}}));
        return all.stream();
    }

    private static void add(List<Arguments> all, String name, UnaryOperator<Tensor> fn, Tensor input) {
        all.add(Arguments.of(name, fn, input));
    }

    /** sum(out * [1, 2, 3, ...]): a different g for every element of a "none" loss. */
    static Tensor weightedSum(Tensor out) {
        float[] up = new float[out.numel()];
        for (int i = 0; i < up.length; i++) up[i] = i + 1;
        return out.mul(Tensor.of(up, out.numel()).reshape(out.shape())).sum();
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-7 + 2e-6 * Math.abs(expected[i]);
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol,
                    what + "[" + i + "]: PyTorch " + expected[i] + ", workbook " + actual[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, UnaryOperator<Tensor> fn, Tensor input) {
        Torch torch = PYTORCH.get(name);
        Tensor x = input.requiresGrad(true);
        Tensor out = fn.apply(x);
        assertEquals(torch.gradFn(), out.gradFn().name(), "grad_fn");
        assertClose(torch.loss(), out.detach().toFloatArray(), "loss");
        weightedSum(out).backward();
        assertClose(torch.grad(), x.grad.toFloatArray(), "grad");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradcheck(String name, UnaryOperator<Tensor> fn, Tensor input) {
        if (name.contains("large")) return;      // finite differences of 1000-sized logits say nothing in float32
        // BCELoss's input must stay inside [0, 1] while finite differences step it by 1e-3
        Tensor x = name.startsWith("bce ") && !name.startsWith("bce logits") ? input.clamp(0.05f, 0.95f) : input;
        assertTrue(Autograd.gradcheck(t -> weightedSum(fn.apply(t)), x.requiresGrad(true)));
    }
}
