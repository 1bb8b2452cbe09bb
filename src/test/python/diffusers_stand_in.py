# A stand-in for diffusers' UNet2DModel (diffusers is not installed here), written out as a package `diffusers` by
# test_readme_unet.py so that README's worked example runs unchanged. It keeps what the exporter meets in the real one:
# the constructor's keyword arguments, defaults and checks (as many block types as block_out_channels, four of each by
# default), forward(sample, timestep, class_labels=None, return_dict=True) returning an object whose .sample is the
# prediction, t broadcast to the batch with torch.ones(sample.shape[0]), diffusers' sinusoidal time embedding
# (flip_sin_to_cos, freq_shift), GroupNorm and SiLU, and self-attention that reshapes by the traced shape.
import math

import torch
import torch.nn.functional as F
from torch import nn


class UNet2DOutput:
    """diffusers.models.unets.unet_2d.UNet2DOutput: one field, sample."""

    def __init__(self, sample):
        self.sample = sample


def timestep_embedding(timesteps, dim, flip_sin_to_cos, shift, max_period=10000):
    half = dim // 2
    exponent = -math.log(max_period) * torch.arange(half, dtype=torch.float32) / (half - shift)
    emb = timesteps[:, None].float() * torch.exp(exponent)[None, :]
    emb = torch.cat([torch.sin(emb), torch.cos(emb)], dim=-1)
    return torch.cat([emb[:, half:], emb[:, :half]], dim=-1) if flip_sin_to_cos else emb


class Resnet(nn.Module):
    def __init__(self, ci, co, temb, groups):
        super().__init__()
        self.norm1, self.conv1 = nn.GroupNorm(groups, ci), nn.Conv2d(ci, co, 3, padding=1)
        self.time_emb_proj = nn.Linear(temb, co)
        self.norm2, self.conv2 = nn.GroupNorm(groups, co), nn.Conv2d(co, co, 3, padding=1)
        self.conv_shortcut = nn.Conv2d(ci, co, 1) if ci != co else None

    def forward(self, x, temb):
        h = self.conv1(F.silu(self.norm1(x))) + self.time_emb_proj(F.silu(temb))[:, :, None, None]
        h = self.conv2(F.silu(self.norm2(h)))
        return h + (self.conv_shortcut(x) if self.conv_shortcut is not None else x)


class Attention(nn.Module):
    def __init__(self, channels, groups, head_dim):
        super().__init__()
        self.heads = max(1, channels // head_dim)
        self.group_norm = nn.GroupNorm(groups, channels)
        self.to_q, self.to_k, self.to_v = nn.Linear(channels, channels), nn.Linear(channels, channels), nn.Linear(channels, channels)
        self.to_out = nn.Linear(channels, channels)

    def forward(self, x):
        batch, channel, height, width = x.shape   # as diffusers' attention processor reads it
        h = self.group_norm(x).view(batch, channel, height * width).transpose(1, 2)
        q, k, v = (f(h).reshape(batch, -1, self.heads, channel // self.heads).transpose(1, 2) for f in (self.to_q, self.to_k, self.to_v))
        weights = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(channel // self.heads), dim=-1)
        h = (weights @ v).transpose(1, 2).reshape(batch, -1, channel)
        return self.to_out(h).transpose(-1, -2).reshape(batch, channel, height, width) + x


class Level(nn.Module):
    def __init__(self, kind, ci, co, temb, layers, groups, head_dim, resample):
        super().__init__()
        self.resnets = nn.ModuleList([Resnet(ci if i == 0 else co, co, temb, groups) for i in range(layers)])
        self.attentions = nn.ModuleList([Attention(co, groups, head_dim) for _ in range(layers)]) if kind.startswith("Attn") else None
        self.resample = resample

    def forward(self, x, temb):
        for i, resnet in enumerate(self.resnets):
            x = resnet(x, temb)
            if self.attentions is not None:
                x = self.attentions[i](x)
        return x


class UNet2DModel(nn.Module):
    def __init__(self, sample_size=None, in_channels=3, out_channels=3, center_input_sample=False,
                 time_embedding_type="positional", freq_shift=0, flip_sin_to_cos=True,
                 down_block_types=("DownBlock2D", "AttnDownBlock2D", "AttnDownBlock2D", "AttnDownBlock2D"),
                 up_block_types=("AttnUpBlock2D", "AttnUpBlock2D", "AttnUpBlock2D", "UpBlock2D"),
                 block_out_channels=(224, 448, 672, 896), layers_per_block=2, norm_num_groups=32, attention_head_dim=8):
        super().__init__()
        if len(down_block_types) != len(up_block_types):
            raise ValueError("Must provide the same number of `down_block_types` as `up_block_types`.")
        if len(block_out_channels) != len(down_block_types):
            raise ValueError("Must provide the same number of `block_out_channels` as `down_block_types`. "
                             f"`block_out_channels`: {block_out_channels}. `down_block_types`: {down_block_types}.")
        if time_embedding_type != "positional":
            raise ValueError("the stand-in has only the positional time embedding")
        self.sample_size, self.center_input_sample = sample_size, center_input_sample
        self.flip_sin_to_cos, self.freq_shift = flip_sin_to_cos, freq_shift
        c, temb, g = block_out_channels, 4 * block_out_channels[0], norm_num_groups
        self.conv_in = nn.Conv2d(in_channels, c[0], 3, padding=1)
        self.linear_1, self.linear_2 = nn.Linear(c[0], temb), nn.Linear(temb, temb)
        self.down_blocks = nn.ModuleList()
        self.downsamplers = nn.ModuleList()
        for i, kind in enumerate(down_block_types):
            self.down_blocks.append(Level(kind, c[max(0, i - 1)], c[i], temb, layers_per_block, g, attention_head_dim, None))
            last = i == len(c) - 1
            self.downsamplers.append(nn.Identity() if last else nn.Conv2d(c[i], c[i], 3, stride=2, padding=1))
        self.mid = Level("Attn", c[-1], c[-1], temb, 1, g, attention_head_dim, None)
        self.up_blocks = nn.ModuleList()
        self.upsamplers = nn.ModuleList()
        reversed_c = list(reversed(c))
        for i, kind in enumerate(up_block_types):
            co = reversed_c[min(i + 1, len(c) - 1)]
            self.up_blocks.append(Level(kind, reversed_c[i] + reversed_c[i], co, temb, layers_per_block, g, attention_head_dim, None))
            last = i == len(c) - 1
            self.upsamplers.append(nn.Identity() if last else nn.Conv2d(co, co, 3, padding=1))
        self.conv_norm_out, self.conv_out = nn.GroupNorm(g, c[0]), nn.Conv2d(c[0], out_channels, 3, padding=1)

    def forward(self, sample, timestep, class_labels=None, return_dict=True):
        if self.center_input_sample:
            sample = 2 * sample - 1.0
        timesteps = timestep
        if not torch.is_tensor(timesteps):
            timesteps = torch.tensor([timesteps], dtype=torch.long, device=sample.device)
        elif len(timesteps.shape) == 0:
            timesteps = timesteps[None].to(sample.device)
        timesteps = timesteps * torch.ones(sample.shape[0], dtype=timesteps.dtype, device=timesteps.device)
        t_emb = timestep_embedding(timesteps, self.conv_in.out_channels, self.flip_sin_to_cos, self.freq_shift)
        emb = self.linear_2(F.silu(self.linear_1(t_emb.to(dtype=sample.dtype))))
        h = self.conv_in(sample)
        skips = []
        for block, down in zip(self.down_blocks, self.downsamplers):
            h = block(h, emb)
            skips.append(h)
            h = down(h)
        h = self.mid(h, emb)
        for block, up in zip(self.up_blocks, self.upsamplers):
            h = block(torch.cat([h, skips.pop()], 1), emb)
            if not isinstance(up, nn.Identity):
                h = up(F.interpolate(h, scale_factor=2.0, mode="nearest"))
        sample = self.conv_out(F.silu(self.conv_norm_out(h)))
        if not return_dict:
            return (sample,)
        return UNet2DOutput(sample=sample)
