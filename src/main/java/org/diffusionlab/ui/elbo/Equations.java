package org.diffusionlab.ui.elbo;

/** The source's equations each panel illustrates, as TeX (language-neutral). */
final class Equations {
    static final String MARGINAL = "p(x) = \\int p(x,z)\\,dz = \\frac{p(x,z)}{p(z\\mid x)}";
    static final String IDENTITY = "\\log p(x) = \\underbrace{\\mathbb{E}_{q(z\\mid x)}\\left[\\log\\frac{p(x,z)}{q(z\\mid x)}"
            + "\\right]}_{\\mathrm{ELBO}} + \\underbrace{D_{\\mathrm{KL}}\\big(q(z\\mid x)\\,\\|\\,p(z\\mid x)\\big)}_{\\geq 0}";
    static final String SPLIT = "\\mathrm{ELBO} = \\underbrace{\\mathbb{E}_{q(z\\mid x)}\\big[\\log p(x\\mid z)\\big]}"
            + "_{\\text{reconstruction}} - \\underbrace{D_{\\mathrm{KL}}\\big(q(z\\mid x)\\,\\|\\,p(z)\\big)}_{\\text{prior matching}}";
    static final String GAUSSIAN_KL = "D_{\\mathrm{KL}}\\big(\\mathcal{N}(\\mu,\\sigma^2)\\,\\|\\,\\mathcal{N}(0,1)\\big)"
            + " = -\\tfrac{1}{2}\\sum\\big(1 + \\log\\sigma^2 - \\mu^2 - \\sigma^2\\big)";
    static final String MODEL = "z \\sim \\mathcal{N}(0,1),\\quad x\\mid z \\sim \\mathcal{N}(wz+b,\\,s^2),\\quad"
            + " p(z\\mid x) = \\mathcal{N}\\!\\left(\\frac{w(x-b)}{w^2+s^2},\\,\\frac{s^2}{w^2+s^2}\\right)";
    static final String MEAN_FIELD = "q(z\\mid x) = \\mathcal{N}(z_1; m_1, \\sigma_1^2)\\,\\mathcal{N}(z_2; m_2, \\sigma_2^2),"
            + "\\quad \\min_q D_{\\mathrm{KL}} = -\\tfrac{1}{2}\\log(1-\\rho^2)";
    static final String JENSEN = "\\log p(x) = \\log \\mathbb{E}_{q}\\left[\\frac{p(x,z)}{q(z\\mid x)}\\right] \\geq"
            + " \\mathbb{E}_{q}\\left[\\log \\frac{p(x,z)}{q(z\\mid x)}\\right]";
    static final String IWAE = "\\mathcal{L}_K = \\mathbb{E}_{z_{1:K}\\sim q}\\left[\\log \\frac{1}{K}\\sum_{k=1}^{K}"
            + " \\frac{p(x,z_k)}{q(z_k\\mid x)}\\right],\\quad \\mathcal{L}_1 = \\mathrm{ELBO} \\leq \\mathcal{L}_K"
            + " \\leq \\log p(x)";
    static final String REPARAMETERISE = "z = \\mu_\\phi(x) + \\sigma_\\phi(x) \\odot \\epsilon,\\quad"
            + " \\epsilon \\sim \\mathcal{N}(0, I)";
    static final String GRID = "\\log p(x) \\approx \\log \\sum_{\\text{cells}} p(x\\mid z_c)\\,p(z_c)\\,\\Delta z,"
            + "\\quad D_{\\mathrm{KL}}\\big(q\\,\\|\\,p(z\\mid x)\\big) = \\log p(x) - \\mathrm{ELBO}";
    static final String HVAE = "q(x_{1:T}\\mid x_0) = \\prod_{t=1}^{T} q(x_t\\mid x_{t-1}),\\quad"
            + " p(x_{0:T}) = p(x_T)\\prod_{t=1}^{T} p_\\theta(x_{t-1}\\mid x_t)";
    static final String DIFFUSION_ELBO = "\\mathrm{ELBO} = \\underbrace{\\mathbb{E}_{q}\\big[\\log p_\\theta(x_0\\mid x_1)\\big]}"
            + "_{\\text{reconstruction}} - \\underbrace{D_{\\mathrm{KL}}\\big(q(x_T\\mid x_0)\\,\\|\\,p(x_T)\\big)}_{\\text{prior matching}}"
            + " - \\sum_{t=2}^{T} \\underbrace{\\mathbb{E}_{q}\\big[D_{\\mathrm{KL}}\\big(q(x_{t-1}\\mid x_t,x_0)\\,\\|\\,"
            + "p_\\theta(x_{t-1}\\mid x_t)\\big)\\big]}_{L_t\\ \\text{(denoising matching)}}";

    private Equations() {
    }
}
