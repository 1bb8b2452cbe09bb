# Reference timings for the digit U-Net on PyTorch CPU, to compare with the project's `bench` in the same run.
# Setup (Debian): apt-get install -y python3-torch python3-numpy libopenblas0-openmp
# Run:  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 tools/torch_unet_bench.py [threads]
# Prints one JSON line: training samples/s (batch 128, Adam, L_simple), DDIM-50 and DDPM-1000 times for 16 digits.
# The network: 28->14->7, channels 32/64/128, one residual block per level, GroupNorm(8), SiLU,
# sinusoidal t-embedding -> MLP, nearest upsampling; ~0.8 M parameters (no attention).
import sys, time, math, json, statistics, torch
from torch import nn
import torch.nn.functional as F
torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
torch.manual_seed(0)
T = 1000; betas = torch.linspace(1e-4, 0.02, T); alphas = 1 - betas; abar = torch.cumprod(alphas, 0)

def temb_sin(t, dim):
    half = dim // 2
    f = torch.exp(-math.log(10000) * torch.arange(half, dtype=torch.float32) / half)
    a = t.float()[:, None] * f[None]; return torch.cat([a.sin(), a.cos()], 1)

class RB(nn.Module):
    def __init__(s, ci, co, te=128):
        super().__init__(); s.n1 = nn.GroupNorm(8, ci); s.c1 = nn.Conv2d(ci, co, 3, padding=1); s.t = nn.Linear(te, co)
        s.n2 = nn.GroupNorm(8, co); s.c2 = nn.Conv2d(co, co, 3, padding=1); s.sk = nn.Conv2d(ci, co, 1) if ci != co else nn.Identity()
    def forward(s, x, e):
        h = s.c1(F.silu(s.n1(x))) + s.t(e)[:, :, None, None]
        return s.c2(F.silu(s.n2(h))) + s.sk(x)

class UNet(nn.Module):
    def __init__(s, c=(32, 64, 128)):
        super().__init__()
        s.te = nn.Sequential(nn.Linear(64, 128), nn.SiLU(), nn.Linear(128, 128))
        s.cin = nn.Conv2d(1, c[0], 3, padding=1)
        s.d1 = RB(c[0], c[0]); s.ds1 = nn.Conv2d(c[0], c[1], 3, stride=2, padding=1)
        s.d2 = RB(c[1], c[1]); s.ds2 = nn.Conv2d(c[1], c[2], 3, stride=2, padding=1)
        s.mid = RB(c[2], c[2])
        s.us2 = nn.Conv2d(c[2], c[1], 3, padding=1); s.u2 = RB(2 * c[1], c[1])
        s.us1 = nn.Conv2d(c[1], c[0], 3, padding=1); s.u1 = RB(2 * c[0], c[0])
        s.nout = nn.GroupNorm(8, c[0]); s.cout = nn.Conv2d(c[0], 1, 3, padding=1)
    def forward(s, x, t):
        x = x.view(len(x), 1, 28, 28); e = s.te(temb_sin(t, 64))
        h1 = s.d1(s.cin(x), e); h2 = s.d2(s.ds1(h1), e); h = s.mid(s.ds2(h2), e)
        h = s.u2(torch.cat([s.us2(F.interpolate(h, scale_factor=2, mode='nearest')), h2], 1), e)
        h = s.u1(torch.cat([s.us1(F.interpolate(h, scale_factor=2, mode='nearest')), h1], 1), e)
        return s.cout(F.silu(s.nout(h))).view(len(x), -1)

net = UNet(); opt = torch.optim.Adam(net.parameters(), lr=2e-4)
x0 = torch.rand(128, 784) * 2 - 1                      # timing only: the data's values do not matter
steps = []
for i in range(25):
    t0 = time.perf_counter()
    t = torch.randint(0, T, (128,)); eps = torch.randn_like(x0); ab = abar[t][:, None]
    loss = F.mse_loss(net(ab.sqrt() * x0 + (1 - ab).sqrt() * eps, t), eps)
    opt.zero_grad(); loss.backward(); opt.step(); steps.append(time.perf_counter() - t0)
train_sps = 128 / statistics.median(steps[5:])

@torch.no_grad()
def ddim(n, k=50):
    x = torch.randn(n, 784); ts = list(range(0, T, T // k))[::-1]
    for j, t in enumerate(ts):
        e = net(x, torch.full((n,), t, dtype=torch.long)); a = abar[t]
        x0h = ((x - (1 - a).sqrt() * e) / a.sqrt()).clamp(-1, 1); e = (x - a.sqrt() * x0h) / (1 - a).sqrt()
        ap = abar[ts[j + 1]] if j + 1 < len(ts) else torch.tensor(1.0)
        x = ap.sqrt() * x0h + (1 - ap).sqrt() * e
    return x

@torch.no_grad()
def ddpm(n):
    x = torch.randn(n, 784)
    for t in range(T - 1, -1, -1):
        e = net(x, torch.full((n,), t, dtype=torch.long))
        x = (x - betas[t] / (1 - abar[t]).sqrt() * e) / alphas[t].sqrt()
        if t > 0: x = x + betas[t].sqrt() * torch.randn(n, 784)
    return x

net.eval(); ddim(16)
d = []
for _ in range(3):
    t0 = time.perf_counter(); ddim(16); d.append(time.perf_counter() - t0)
t0 = time.perf_counter(); ddpm(16); p = time.perf_counter() - t0
print(json.dumps({"reference": "torch-unet-32-64-128", "threads": torch.get_num_threads(),
                  "train_samples_per_s": round(train_sps, 1), "ddim50_16_ms": round(statistics.median(d) * 1e3, 1),
                  "ddpm1000_16_ms": round(p * 1e3, 1)}))
