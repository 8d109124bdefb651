package layerwise.init;

import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Values against PyTorch 1.13 (AVX2 kernel) run on the same seed. Each expected array was printed by
 * /usr/bin/python3 with the expression in the comment above it; bits are the float32 bit patterns.
 */
class InitStreamTest {

    private static void assertBits(int[] expected, Tensor actual) {
        float[] v = actual.toFloatArray();
        assertEquals(expected.length, v.length);
        for (int i = 0; i < v.length; i++) {
            assertEquals(Integer.toHexString(expected[i]), Integer.toHexString(Float.floatToRawIntBits(v[i])), "element " + i);
        }
    }

    private static void assertClose(float[] expected, Tensor actual, double tol) {
        float[] v = actual.toFloatArray();
        assertEquals(expected.length, v.length);
        for (int i = 0; i < v.length; i++) assertEquals(expected[i], v[i], tol, "element " + i);
    }

    @Test
    @DisplayName("xavier_uniform_ is bit-exact with torch")
    void xavierUniformBits() {
        // torch.manual_seed(0); w = torch.empty(5, 7); nn.init.xavier_uniform_(w)
        int[] torch = {0xbbad7922, 0x3ec2369c, 0xbf14fcb1, 0xbf05381d, 0xbe8b70d6, 0x3e422aab, 0xbc658a57,
            0x3f0f8740, 0xbd8083de, 0x3e3f9997, 0xbe5ad35d, 0xbe0e541b, 0xbf2cefc2, 0xbeefc590, 0xbe953d9f,
            0x3cd6944c, 0x3e8f206b, 0x3ed93b40, 0xbef570de, 0xbe9da786, 0x3e837fa7, 0x3f1650f7, 0xbe1503e7,
            0x3f07757a, 0xbde96b1e, 0x3d993c35, 0x3f23e8a1, 0xbf27ed20, 0xbee3eac5, 0xbe374fac, 0xbe8d1f66,
            0x3f1c669e, 0xbeeaaa85, 0xbea6a886, 0xbefcef53};
        Tensor.manualSeed(0);
        assertBits(torch, Init.xavierUniform(Tensor.empty(5, 7)));
    }

    @Test
    @DisplayName("xavier_uniform_ with the tanh gain is bit-exact with torch")
    void xavierUniformTanhBits() {
        // torch.manual_seed(4); w = torch.empty(3, 4); nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('tanh'))
        int[] torch = {0x3e3c7748, 0x3e3abd65, 0xbfa1619e, 0xbf651b6a, 0xbfc2aa93, 0xbfb61e21, 0x3fc2b398,
            0x3fa32fc0, 0x3ebb5cdc, 0x3fbb6432, 0xbf0f10be, 0xbf614b8e};
        Tensor.manualSeed(4);
        assertBits(torch, Init.xavierUniform(Tensor.empty(3, 4), Init.calculateGain("tanh")));
    }

    @Test
    @DisplayName("kaiming_uniform_ with the defaults is bit-exact with torch")
    void kaimingUniformBits() {
        // torch.manual_seed(1); w = torch.empty(4, 6); nn.init.kaiming_uniform_(w)
        int[] torch = {0x3f03e84a, 0xbee1fc54, 0xbe4683a0, 0x3ef05120, 0xbf710202, 0x3f198712, 0xbe52a9a8,
            0x3f023d0a, 0x3e0e5a78, 0xbdfac400, 0x3e8e0240, 0x3d4a1020, 0x3ebaff30, 0xbec786e4, 0xbd955130,
            0xbdb86040, 0x3e146c30, 0xbb82e700, 0x3f5fc964, 0x3e9f5450, 0xbebeac08, 0xbf1a9d36, 0xbe2ba370,
            0xbedcd8b0};
        Tensor.manualSeed(1);
        assertBits(torch, Init.kaimingUniform(Tensor.empty(4, 6)));
    }

    @Test
    @DisplayName("kaiming_uniform_(a=0.2, mode='fan_out') on a conv weight is bit-exact with torch")
    void kaimingUniformConvBits() {
        // torch.manual_seed(2); w = torch.empty(3, 2, 3, 3); nn.init.kaiming_uniform_(w, a=0.2, mode='fan_out')
        int[] torch = {0x3dd92936, 0xbde14999, 0x3e01cdf7, 0xbcc16b50, 0x3e4a34f1, 0x3de16176, 0xbd599d5a,
            0xbebf572f, 0x3dd82480, 0xbed1894f, 0x3d78d7bd, 0x3cfba8d9, 0xbdd02cda, 0x3ec186ab, 0x3cfcb743,
            0x3e44491f, 0x3e485118, 0xbe8b9ecf, 0xbe35f846, 0x3ee39ca1, 0xbee7d0a1, 0xbd00984d, 0xbd160cb3,
            0x3ea7dfae, 0xbd34009f, 0x3df947a9, 0xbcb5c730, 0xbe848616, 0xbe8624b8, 0xbe65f772, 0xbed6fe76,
            0xbe999893, 0x3ddecd56, 0x3e9bc3ca, 0x3cba8b4c, 0xbe58f9e3, 0x3e5006e7, 0xbe35b431, 0xbdd1b597,
            0xbe81bed0, 0xbe14a19a, 0xbedb4ce0, 0x3e49f89e, 0x3e380d9c, 0x3dbc0b48, 0x3e686732, 0x3e489e4b,
            0x3ca789a7, 0x3d4884e2, 0x3d10949a, 0x3e7c934b, 0x3e9efbd4, 0x3ea9f70c, 0x3e892d2d};
        Tensor.manualSeed(2);
        assertBits(torch, Init.kaimingUniform(Tensor.empty(3, 2, 3, 3), 0.2, "fan_out"));
    }

    @Test
    @DisplayName("uniform_(a, b) is bit-exact with torch")
    void uniformBits() {
        // torch.manual_seed(3); w = torch.empty(10); nn.init.uniform_(w, -0.3, 0.7)
        int[] torch = {0xbe976ac6, 0xbe4718d4, 0xbc67f500, 0xbe8bcc94, 0x3e2fbbac, 0xbe75a414, 0x3ef19866,
            0x3ee32c90, 0x3e96be60, 0x3f167dc6};
        Tensor.manualSeed(3);
        assertBits(torch, Init.uniform(Tensor.empty(10), -0.3, 0.7));
    }

    @Test
    @DisplayName("PyTorch's default Linear init is kaiming_uniform_(a=sqrt(5)), bit for bit (rng_reference.json)")
    void defaultLinearInit() {
        // rng_reference.json: torch.manual_seed(0); nn.Linear(4, 3).weight
        int[] torch = {0xbb755400, 0x3e89545e, 0xbed2b316, 0xbebc6680, 0xbe4532f4, 0x3e094bec, 0xbc224f40,
            0x3ecaface, 0xbd35bf70, 0x3e077b4c};
        Tensor.manualSeed(0);
        float[] w = Init.kaimingUniform(Tensor.empty(3, 4), Math.sqrt(5)).toFloatArray();
        for (int i = 0; i < torch.length; i++) assertEquals(torch[i], Float.floatToRawIntBits(w[i]), "element " + i);
    }

    @Test
    @DisplayName("xavier_normal_ follows torch's normal_ stream")
    void xavierNormalValues() {
        // torch.manual_seed(7); w = torch.empty(5, 4); nn.init.xavier_normal_(w)
        float[] torch = {-0.386615127325058f, 0.18650232255458832f, 0.42374953627586365f, -0.654499888420105f,
            0.09354789555072784f, 0.36867257952690125f, 0.4898400604724884f, -0.34153762459754944f,
            -0.40017935633659363f, -0.5736660361289978f, -0.03819394111633301f, 0.6418102383613586f,
            -0.9717900156974792f, 0.31777411699295044f, -0.6238312125205994f, -0.6410012245178223f,
            -0.40856704115867615f, -0.26587530970573425f, -0.9694257378578186f, -0.16816061735153198f};
        Tensor.manualSeed(7);
        assertClose(torch, Init.xavierNormal(Tensor.empty(5, 4)), 1e-6);
    }

    @Test
    @DisplayName("trunc_normal_ agrees with torch to float rounding (double erfinv here, float erfinv in torch)")
    void truncNormalValues() {
        // torch.manual_seed(5); w = torch.empty(4, 5); nn.init.trunc_normal_(w, 0.0, 1.0, -0.5, 1.5)
        float[] torch = {0.9429967999458313f, -0.28632816672325134f, 1.152261734008789f, 0.9180713891983032f,
            1.1915695667266846f, -0.30180439352989197f, -0.22439348697662354f, 0.7371444702148438f,
            -0.44180136919021606f, 1.4725236892700195f, 0.48834237456321716f, 0.4157402217388153f,
            -0.37516143918037415f, 0.5840215086936951f, 0.6908485293388367f, 0.4410664737224579f,
            1.4137251377105713f, 0.5670577883720398f, -0.4018038511276245f, 1.1915957927703857f};
        Tensor.manualSeed(5);
        assertClose(torch, Init.truncNormal(Tensor.empty(4, 5), 0.0, 1.0, -0.5, 1.5), 2e-6);
    }

    @Test
    @DisplayName("orthogonal_ gives torch's matrix: the sign-fixed Q is unique, so only rounding differs")
    void orthogonalValues() {
        // torch.manual_seed(0); w = torch.empty(3, 5); nn.init.orthogonal_(w)
        float[] wide = {0.5222307443618774f, -0.09944060444831848f, -0.7383735179901123f, 0.1926366090774536f,
            -0.3675355911254883f, -0.5364794731140137f, 0.21056243777275085f, -0.1428942233324051f,
            -0.3587685525417328f, -0.7202219367027283f, -0.4409164488315582f, 0.06626061350107193f,
            -0.04565512016415596f, 0.8897528052330017f, -0.08635788410902023f};
        Tensor.manualSeed(0);
        assertClose(wide, Init.orthogonal(Tensor.empty(3, 5)), 1e-5);
        // torch.manual_seed(0); w = torch.empty(6, 2, 2); nn.init.orthogonal_(w, gain=2.0)
        float[] tall = {-1.2061707973480225f, -0.31794923543930054f, 0.4346465766429901f, -1.495520830154419f,
            0.9092676639556885f, -0.011403776705265045f, -0.6911575794219971f, -0.9883973002433777f,
            0.5014960765838623f, -0.7727735638618469f, 1.2290639877319336f, 0.19332535564899445f,
            0.17833229899406433f, 1.0474292039871216f, -0.5033282041549683f, -0.3695879280567169f,
            0.9983144402503967f, 0.6969055533409119f, 1.064866065979004f, -0.6747077703475952f,
            0.662156343460083f, -1.3110356330871582f, -0.6599298715591431f, -0.3965953588485718f};
        Tensor.manualSeed(0);
        assertClose(tall, Init.orthogonal(Tensor.empty(6, 2, 2), 2.0), 2e-5);
    }
}
