package layerwise.tensor;

/**
 * A mistake with gradients, where PyTorch raises RuntimeError from autograd: PyTorch's first line, what it
 * means here, and the fix.
 */
public class AutogradError extends IllegalStateException implements TorchError {
    private static final long serialVersionUID = 1L;

    private final String torchMessage;

    public AutogradError(String torchMessage, String explanation, String fix) {
        super(TorchError.compose(torchMessage, explanation, fix));
        this.torchMessage = torchMessage;
    }

    @Override
    public String torchMessage() {
        return torchMessage;
    }

    static AutogradError graphFreed() {
        return new AutogradError("Trying to backward through the graph a second time (or directly access saved tensors after "
                + "they have already been freed). Saved intermediate values of the graph are freed when you call .backward() "
                + "or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or "
                + "if you need to access saved tensors after calling backward.",
                "backward() frees what each op saved for its gradient (inputs, outputs, masks) as it goes, so the same graph "
                        + "can run backward once.",
                "recompute the forward pass before each backward (the usual training loop), or keep the graph the first "
                        + "time: loss.backward(true), as loss.backward(retain_graph=True)");
    }

    static AutogradError modifiedInPlace(Tensor t, String origin, int expected) {
        String what = "[torch.FloatTensor " + Shapes.str(t.dims).replace('(', '[').replace(')', ']').replace(",]", "]") + "]";
        String first = "one of the variables needed for gradient computation has been modified by an inplace operation: "
                + what + (origin == null ? "" : ", which is " + origin + ",") + " is at version " + t.version.value
                + "; expected version " + expected + " instead. Hint: enable anomaly detection to find the operation that "
                + "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).";
        return new AutogradError(first,
                "An op saved this tensor to compute its gradient; an in-place op (a method ending in _ , set, copy_) changed "
                        + "it afterwards, so the saved value is no longer the one the forward pass used.",
                "use the out-of-place form (y = y.mul(2) instead of y.mul_(2)), or clone() the tensor before changing it");
    }

    static AutogradError leafInPlace(boolean view) {
        String first = view ? "a view of a leaf Variable that requires grad is being used in an in-place operation."
                : "a leaf Variable that requires grad is being used in an in-place operation.";
        return new AutogradError(first,
                "Autograd accumulates this tensor's gradient into .grad; changing its values in place would be an op "
                        + "with no input to send a gradient to. Setting weights is not part of the graph.",
                "do it with gradients off, as PyTorch's with torch.no_grad(): "
                        + "try (var g = Autograd.noGrad()) { w.copy_(...); } (nn.init's functions do this for you)");
    }
}
