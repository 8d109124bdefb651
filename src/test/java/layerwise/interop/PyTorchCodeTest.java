package layerwise.interop;

import layerwise.nn.Conv2d;
import layerwise.nn.Flatten;
import layerwise.nn.GRU;
import layerwise.nn.LSTM;
import layerwise.nn.Linear;
import layerwise.nn.MaxPool2d;
import layerwise.nn.Module;
import layerwise.nn.RNN;
import layerwise.nn.ReLU;
import layerwise.nn.Sequential;
import layerwise.nn.Tanh;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Python written for workbook models. The expected lines are what one types in PyTorch 1.13 to build
 * the same layer (checked once by running the printed program under torch 1.13 and loading the saved weights).
 */
class PyTorchCodeTest {
    @Test
    @DisplayName("single layers: torch's constructor calls, strings quoted")
    void layers() {
        assertEquals("nn.Linear(in_features=10, out_features=5, bias=False)", PyTorchCode.module(new Linear(10, 5, false)));
        assertEquals("nn.Conv2d(3, 16, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)",
                PyTorchCode.module(new Conv2d(3, 16, 3, Conv2d.options().stride(2).padding(1).bias(false))));
        assertEquals("nn.Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding='same', padding_mode='reflect')",
                PyTorchCode.module(new Conv2d(3, 16, 3, Conv2d.options().padding("same").paddingMode("reflect"))));
        assertEquals("nn.RNN(4, 3, nonlinearity='relu', batch_first=True)",
                PyTorchCode.module(new RNN(4, 3, RNN.options().nonlinearity("relu").batchFirst(true))));
        assertEquals("nn.LSTM(4, 3, proj_size=2, num_layers=2, bidirectional=True)",
                PyTorchCode.module(new LSTM(4, 3, LSTM.options().projSize(2).numLayers(2).bidirectional(true))));
        assertEquals("nn.GRU(4, 3, bias=False)", PyTorchCode.module(new GRU(4, 3, GRU.options().bias(false))));
        assertEquals("nn.Tanh()", PyTorchCode.module(new Tanh()));
    }

    @Test
    @DisplayName("Sequential: one child per line, nested ones indented, the indices kept for the state dict keys")
    void sequential() {
        Module net = new Sequential(new Linear(4, 8), new ReLU(), new Sequential(new Flatten(), new Linear(8, 2)));
        assertEquals(String.join("\n",
                "nn.Sequential(",
                "    nn.Linear(in_features=4, out_features=8, bias=True),",
                "    nn.ReLU(),",
                "    nn.Sequential(",
                "        nn.Flatten(start_dim=1, end_dim=-1),",
                "        nn.Linear(in_features=8, out_features=2, bias=True)",
                "    )",
                ")"), PyTorchCode.module(net));
        assertTrue(net.stateDict().containsKey("2.1.weight"), "the key nn.Sequential gives the nested Linear");
    }

    @Test
    @DisplayName("program: build, load the saved weights, eval")
    void program() {
        String py = PyTorchCode.program(new Sequential(new MaxPool2d(2)), "out/net.safetensors");
        assertEquals(String.join("\n",
                "import torch",
                "from torch import nn",
                "from safetensors.torch import load_file",
                "",
                "model = nn.Sequential(",
                "    nn.MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                ")",
                "model.load_state_dict(load_file(\"out/net.safetensors\"))",
                "model.eval()",
                ""), py);
    }

    @Test
    @DisplayName("a module with no torch.nn counterpart is refused by name")
    void unknownModule() {
        Module own = new Module() {
            @Override
            public String extraRepr() {
                return "";
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PyTorchCode.module(own));
        assertTrue(e.getMessage().contains("no torch.nn counterpart"), e.getMessage());
        assertEquals("a='b', c=True, d=None, e=1.5", PyTorchCode.pythonArguments("a=b, c=True, d=None, e=1.5"));
    }
}
