#!/usr/bin/env python3
# README's worked example for a diffusers U-Net, run as written (run by ExporterTest where PyTorch imports): reads the
# my_unet.py lines and the export command from README.md's "Open your own model" section, puts diffusers_stand_in.py
# where `from diffusers import UNet2DModel` finds it (diffusers itself is not installed here), saves the built
# network's state_dict as the example's unet.pt, and runs the command in the folder argv[1]. The Java test then opens
# the my-unet.zip it wrote through the app's checks.
import os
import shlex
import shutil
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..")
sys.path.insert(0, os.path.join(ROOT, "tools"))
import export_model  # noqa: E402

START = "**A U-Net in the common `diffusers` `UNet2DModel` shape**"
COMMAND = "python3 tools/export_model.py "


def example(readme):
    """The indented lines after START: the module (from '# my_unet.py' to the blank line) and the command."""
    lines = readme[readme.index(START):].splitlines()
    block, inside = [], False
    for line in lines[1:]:
        if line.startswith("    "):
            inside = True
            block.append(line)
        elif inside and line.strip():
            break
        elif inside:
            block.append(line)
    text = textwrap.dedent("\n".join(block)).strip("\n")
    module, _, command = text.partition("\n\n")
    assert module.startswith("# my_unet.py") and "from diffusers import UNet2DModel" in module, module
    command = command.replace("\\\n", " ")
    assert command.startswith(COMMAND), command
    return module + "\n", shlex.split(command[len(COMMAND):])


def main(out):
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        module, argv = example(f.read())
    package = os.path.join(out, "stand-in", "diffusers")
    os.makedirs(package)
    shutil.copy(os.path.join(HERE, "diffusers_stand_in.py"), os.path.join(package, "__init__.py"))
    sys.path.insert(0, os.path.dirname(package))
    os.chdir(out)
    with open("my_unet.py", "w") as f:
        f.write(module)
    import torch
    torch.manual_seed(0)
    net = export_model.load_class(argv[argv.index("--module") + 1], argv[argv.index("--class") + 1])()
    torch.save(net.state_dict(), argv[argv.index("--weights") + 1])   # what a user who trained it has saved
    status = export_model.main(argv)
    assert status == 0, f"README's command exited {status}: {argv}"
    print("README's diffusers example exported", argv[argv.index("--out") + 1])


if __name__ == "__main__":
    main(sys.argv[1])
