#!/usr/bin/env python3
# Exports a PyTorch VAE or noise-prediction U-Net as a model file Diffusion Lab opens (File > Open, or --model).
# Install: PyTorch only (Debian: apt-get install python3-torch; else pip install torch). The `onnx` package is not needed.
# Run:     python3 tools/export_model.py --module my_models.py --class VAE --weights vae.pt --kind vae \
#              --image 1x28x28 --range 0,1 --likelihood bernoulli-logits --latent 20 --flat --out my-vae.zip
#          python3 tools/export_model.py --module my_unet.py --class UNet --weights unet.pt --kind eps-unet \
#              --image 1x28x28 --range -1,1 --schedule linear --steps 1000 --beta-start 1e-4 --beta-end 0.02 --out my-unet.zip
# Writes a zip holding model.json (the sidecar: kind, graphs, shapes, image, likelihood or schedule, versions, a test
# vector) and one .onnx graph per part (opset 17, fixed names, a dynamic batch axis). --out name.json writes them loose.
# The class is built with --init-args (JSON keyword arguments); --weights is a state_dict or a checkpoint holding one.
# A VAE has encode(x) -> (mu, logvar) and decode(z); a U-Net's forward(x, t) returns eps (or an object with .sample).
import argparse
import importlib
import importlib.util
import json
import os
import platform
import sys
import tempfile
import warnings
import zipfile

import torch

FORMAT = "diffusion-lab-onnx"
VERSION = 1
OPSET = 17
TEST_BATCH = 3
SIDECAR = "model.json"


class ExportError(Exception):
    pass


class Encoder(torch.nn.Module):
    def __init__(self, model, method):
        super().__init__()
        self.model, self.method = model, method

    def forward(self, x):
        mu, logvar = getattr(self.model, self.method)(x)[:2]
        return mu, logvar


class Decoder(torch.nn.Module):
    def __init__(self, model, method):
        super().__init__()
        self.model, self.method = model, method

    def forward(self, z):
        return getattr(self.model, self.method)(z)


class NoisePredictor(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x, t):
        out = self.model(x, t)
        out = getattr(out, "sample", out)            # diffusers' UNet2DModel returns UNet2DOutput(sample=...)
        return out[0] if isinstance(out, (tuple, list)) else out


def load_class(module, name):
    if module.endswith(".py") or os.path.sep in module:
        spec = importlib.util.spec_from_file_location(os.path.splitext(os.path.basename(module))[0], module)
        loaded = importlib.util.module_from_spec(spec)
        sys.path.insert(0, os.path.dirname(os.path.abspath(module)))
        spec.loader.exec_module(loaded)
    else:
        loaded = importlib.import_module(module)
    if not hasattr(loaded, name):
        raise ExportError(f"{module} has no class {name}")
    return getattr(loaded, name)


def state_dict_of(checkpoint):
    if isinstance(checkpoint, torch.nn.Module):
        return checkpoint.state_dict()
    for key in ("state_dict", "model_state_dict", "model", "ema"):
        if isinstance(checkpoint, dict) and isinstance(checkpoint.get(key), dict):
            return checkpoint[key]
    return checkpoint


FROZEN_BATCH_WARNINGS = ("Using len to get tensor shape", "Converting a tensor to a Python integer",
                         "Converting a tensor to a Python index")


def export_graph(module, inputs, input_names, output_names, path):
    """torch.onnx.export at opset 17 with a dynamic batch axis. Fails where the batch size would be frozen into the
    graph: on the tracer's warnings for it (x.view(len(x), ...), int(x.shape[0])), and if the traced network, run at
    batch 1, does not give what the model gives for the first row."""
    axes = {name: {0: "batch"} for name in input_names + output_names}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        torch.onnx.export(module, inputs, path, opset_version=OPSET, input_names=input_names, output_names=output_names,
                          dynamic_axes=axes, do_constant_folding=True)
    frozen = [str(w.message).split(".")[0] for w in caught if issubclass(w.category, torch.jit.TracerWarning)
              and str(w.message).startswith(FROZEN_BATCH_WARNINGS)]
    if frozen or not traces_at_batch_one(module, inputs):
        raise ExportError("the batch size is frozen into the graph" + (" (" + "; ".join(sorted(set(frozen))) + ")" if frozen else "")
                          + ". Write shapes as x.shape[0] or -1, e.g. x.view(-1, 784) or x.flatten(1), not len(x).")


def traces_at_batch_one(module, inputs):
    first = tuple(value[:1] for value in inputs)
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        traced = torch.jit.trace(module, inputs, check_trace=False)
        expected = module(*first)
        try:
            actual = traced(*first)
        except RuntimeError:
            return False
    expected = expected if isinstance(expected, (tuple, list)) else (expected,)
    actual = actual if isinstance(actual, (tuple, list)) else (actual,)
    return all(a.shape == e.shape and torch.allclose(a, e, atol=1e-5) for a, e in zip(actual, expected))


def touch_parameters(module, inputs):
    """Backpropagates from the part's outputs, so that the parameters it uses (and only those) get a .grad."""
    with torch.enable_grad():
        out = module(*inputs)
        out = out if isinstance(out, (tuple, list)) else (out,)
        sum(o.float().sum() for o in out).backward()


def shape_of(tensor):
    return ["batch"] + list(tensor.shape[1:])


def numbers(tensor):
    return [float(v) for v in tensor.detach().reshape(-1).tolist()]


def graph_entry(file, inputs, outputs):
    return {"file": file, "inputs": {n: shape_of(v) for n, v in inputs.items()},
            "outputs": {n: shape_of(v) for n, v in outputs.items()}}


def test_entry(inputs, outputs):
    return {"inputs": {n: numbers(v) for n, v in inputs.items()}, "outputs": {n: numbers(v) for n, v in outputs.items()}}


def run(module, inputs, output_names):
    with torch.no_grad():
        out = module(*inputs.values())
    out = out if isinstance(out, (tuple, list)) else (out,)
    result = dict(zip(output_names, out))
    for name, value in result.items():
        if value.shape[0] != TEST_BATCH:
            raise ExportError(f"the output {name} has {value.shape[0]} rows for a batch of {TEST_BATCH}")
        if not torch.isfinite(value).all():
            raise ExportError(f"the output {name} holds NaN or infinite numbers")
    return result


def image_input(args, generator):
    c, h, w = args.image
    low, high = args.range
    x = torch.rand(TEST_BATCH, c, h, w, generator=generator) * (high - low) + low
    return x.reshape(TEST_BATCH, c * h * w) if args.flat else x


def export(args):
    model = load_class(args.module, args.class_name)(**json.loads(args.init_args))
    if args.weights:
        model.load_state_dict(state_dict_of(torch.load(args.weights, map_location="cpu")))
    model.eval()
    generator = torch.Generator().manual_seed(args.seed)
    stem = os.path.splitext(os.path.basename(args.out))[0]
    work = tempfile.mkdtemp(prefix="export-model-")
    graphs, tests, files = {}, {}, {}
    model.zero_grad(set_to_none=True)

    def part(name, module, inputs, output_names):
        file = f"{stem}.{name}.onnx" if args.kind == "vae" else f"{stem}.onnx"
        outputs = run(module, inputs, output_names)
        export_graph(module, tuple(inputs.values()), list(inputs), output_names, os.path.join(work, file))
        touch_parameters(module, tuple(inputs.values()))
        graphs[name], tests[name], files[file] = graph_entry(file, inputs, outputs), test_entry(inputs, outputs), None

    c, h, w = args.image
    sidecar = {"format": FORMAT, "version": VERSION, "kind": args.kind, "name": args.name or stem,
               "image": {"channels": c, "height": h, "width": w, "range": list(args.range)}}
    if args.kind in ("vae", "vae-decoder"):
        if args.latent is None:
            raise ExportError("--latent is required for a VAE")
        if args.kind == "vae":
            part("encoder", Encoder(model, args.encode_method), {"x": image_input(args, generator)}, ["mu", "logvar"])
        z = torch.randn(TEST_BATCH, args.latent, generator=generator)
        part("decoder", Decoder(model, args.decode_method), {"z": z}, ["x_hat"])
        sidecar["latent"] = args.latent
        kind, _, output = args.likelihood.partition("-")
        sidecar["likelihood"] = {"type": kind, "decoderOutput": output or "mean"}
        if kind == "gaussian":
            sidecar["likelihood"]["sigma"] = args.sigma
    else:
        t = torch.tensor([args.first_step, args.first_step + args.steps // 2, args.first_step + args.steps - 1])
        t = t.float() if args.time_type == "float32" else t
        part("unet", NoisePredictor(model), {"x": image_input(args, generator), "t": t}, ["eps"])
        sidecar["prediction"] = "epsilon"
        sidecar["timestep"] = {"elementType": args.time_type, "firstStep": args.first_step}
        sidecar["schedule"] = {"kind": args.schedule, "steps": args.steps}
        if args.schedule == "linear":
            sidecar["schedule"].update(betaStart=args.beta_start, betaEnd=args.beta_end)
    sidecar["graphs"] = graphs
    sidecar["parameters"] = sum(p.numel() for p in model.parameters() if p.grad is not None)   # a decoder alone: its own
    model.zero_grad(set_to_none=True)
    sidecar["exported"] = {"exporter": "tools/export_model.py", "torch": torch.__version__,
                           "python": platform.python_version(), "opset": OPSET, "module": os.path.basename(args.module),
                           "class": args.class_name}
    sidecar["testVector"] = {"batch": TEST_BATCH, "graphs": tests}
    write(args.out, work, sidecar, files)
    return sidecar


def write(out, work, sidecar, files):
    text = json.dumps(sidecar, indent=1)
    if out.endswith(".zip"):
        partial = out + ".partial"
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(SIDECAR, text)
            for file in files:
                archive.write(os.path.join(work, file), file)
        os.replace(partial, out)
    else:
        folder = os.path.dirname(os.path.abspath(out))
        for file in files:
            os.replace(os.path.join(work, file), os.path.join(folder, file))
        with open(os.path.splitext(out)[0] + ".json", "w") as f:
            f.write(text)


def pair(text, kind):
    values = [kind(v) for v in text.replace("x", ",").split(",")]
    return values


def main(argv=None):
    p = argparse.ArgumentParser(description="Export a PyTorch VAE or eps-prediction U-Net for Diffusion Lab.")
    p.add_argument("--module", required=True, help="a .py file or an importable module name")
    p.add_argument("--class", dest="class_name", required=True, help="the model's class in that module")
    p.add_argument("--init-args", default="{}", help="JSON keyword arguments for the class, e.g. '{\"latent\": 20}'")
    p.add_argument("--weights", help="a state_dict or checkpoint (.pt); without it the class's own initial weights")
    p.add_argument("--kind", required=True, choices=["vae", "vae-decoder", "eps-unet"])
    p.add_argument("--image", required=True, type=lambda s: pair(s, int), help="channels x height x width, e.g. 1x28x28")
    p.add_argument("--range", required=True, type=lambda s: pair(s, float), help="pixel range: 0,1 or -1,1")
    p.add_argument("--flat", action="store_true", help="the network takes images as rows [B, C*H*W], not [B, C, H, W]")
    p.add_argument("--latent", type=int, help="a VAE's latent size")
    p.add_argument("--likelihood", default="bernoulli-logits",
                   choices=["bernoulli-logits", "bernoulli-probabilities", "gaussian-mean"])
    p.add_argument("--sigma", type=float, default=0.1, help="σ of a Gaussian likelihood")
    p.add_argument("--encode-method", default="encode")
    p.add_argument("--decode-method", default="decode")
    p.add_argument("--schedule", default="linear", choices=["linear", "cosine"])
    p.add_argument("--steps", type=int, default=1000, help="T")
    p.add_argument("--beta-start", type=float, default=1e-4)
    p.add_argument("--beta-end", type=float, default=0.02)
    p.add_argument("--time-type", default="int64", choices=["int64", "float32"], help="the element type of t")
    p.add_argument("--first-step", type=int, default=0, choices=[0, 1],
                   help="the t the network takes for the first noising step (0 as in diffusers, 1 as in Ho et al.)")
    p.add_argument("--name", help="a name to show (default: the output file's)")
    p.add_argument("--seed", type=int, default=0, help="seed of the test vector's inputs")
    p.add_argument("--out", required=True, help="name.zip (one file) or name.json (sidecar and .onnx files side by side)")
    args = p.parse_args(argv)
    if len(args.image) != 3 or len(args.range) != 2:
        p.error("--image is C x H x W and --range is low,high")
    try:
        sidecar = export(args)
    except ExportError as e:
        print(f"export_model: {e}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}: {sidecar['kind']}, {sidecar['parameters']:,} parameters, graphs "
          + ", ".join(g["file"] for g in sidecar["graphs"].values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
