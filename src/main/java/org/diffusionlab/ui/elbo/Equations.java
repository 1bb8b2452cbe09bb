package org.diffusionlab.ui.elbo;

import org.diffusionlab.core.elbo.ElboParts;
import org.diffusionlab.ui.common.text.Messages;

/**
 * The source's equations each panel illustrates, as TeX: the mathematics is language-neutral, the words under the
 * braces come from the bundles and the live numbers (in the UI's locale) sit inside the formulas, under the terms they
 * are the value of.
 */
final class Equations {
    static final String MODEL = "z \\sim \\mathcal{N}(0,1),\\quad x\\mid z \\sim \\mathcal{N}(wz+b,\\,s^2),\\quad"
            + " p(z\\mid x) = \\mathcal{N}\\!\\left(\\frac{w(x-b)}{w^2+s^2},\\,\\frac{s^2}{w^2+s^2}\\right)";
    static final String REPARAMETERISE = "z = \\mu_\\phi(x) + \\sigma_\\phi(x) \\odot \\epsilon,\\quad"
            + " \\epsilon \\sim \\mathcal{N}(0, I)";
    static final String HVAE = "q(x_{1:T}\\mid x_0) = \\prod_{t=1}^{T} q(x_t\\mid x_{t-1}),\\quad"
            + " p(x_{0:T}) = p(x_T)\\prod_{t=1}^{T} p_\\theta(x_{t-1}\\mid x_t)";
    private static final String Q = "q(z\\mid x)";
    private static final String KL_POSTERIOR = "D_{\\mathrm{KL}}\\big(" + Q + "\\,\\|\\,p(z\\mid x)\\big)";
    private static final String KL_PRIOR = "D_{\\mathrm{KL}}\\big(" + Q + "\\,\\|\\,p(z)\\big)";

    /* The symbolic forms, without numbers or words, that the tooltips show beside their one-line meaning. */
    static final String IDENTITY = "\\log p(x) = \\mathrm{ELBO} + " + KL_POSTERIOR;
    static final String JENSEN = "\\log p(x) = \\log \\mathbb{E}_{q}\\left[\\frac{p(x,z)}{" + Q + "}\\right] \\geq"
            + " \\mathbb{E}_{q}\\left[\\log \\frac{p(x,z)}{" + Q + "}\\right]";
    static final String IWAE = "\\mathcal{L}_K = \\mathbb{E}_{z_{1:K}\\sim q}\\left[\\log \\frac{1}{K}\\sum_{k=1}^{K}"
            + " \\frac{p(x,z_k)}{q(z_k\\mid x)}\\right],\\quad \\mathrm{ELBO} = \\mathcal{L}_1 \\leq \\mathcal{L}_K \\leq \\log p(x)";
    static final String POSTERIOR = "p(z\\mid x) = \\frac{p(x\\mid z)\\,p(z)}{p(x)}";
    /** Jensen on the concave log, for K weights w_k = p(x, z_k) / q(z_k | x): the mean of the logs lies below the log of the mean. */
    static final String CHORD = "\\frac{1}{K}\\sum_{k=1}^{K} \\log w_k \\leq \\log \\frac{1}{K}\\sum_{k=1}^{K} w_k,\\quad"
            + " w_k = \\frac{p(x,z_k)}{q(z_k\\mid x)}";
    static final String GRID = "\\log p(x) \\approx \\log \\sum_{c} p(x\\mid z_c)\\,p(z_c)\\,\\Delta z";
    static final String MEAN_FIELD = "q(z\\mid x) = \\mathcal{N}(z_1; m_1, \\sigma_1^2)\\,\\mathcal{N}(z_2; m_2, \\sigma_2^2),"
            + "\\quad \\min_q D_{\\mathrm{KL}} = -\\tfrac{1}{2}\\log(1-\\rho^2)";
    static final String DIFFUSION_ELBO = "\\mathrm{ELBO} = \\mathbb{E}_{q}\\big[\\log p_\\theta(x_0\\mid x_1)\\big]"
            + " - D_{\\mathrm{KL}}\\big(q(x_T\\mid x_0)\\,\\|\\,p(x_T)\\big) - \\sum_{t=2}^{T} L_t";

    private final Messages messages;

    Equations(Messages messages) {
        this.messages = messages;
    }

    private String n(double value) {
        return Figures.texSix(messages, value);
    }

    private String is(double value) {
        return "=\\," + n(value);
    }

    /** Formulas one under the other, left-aligned, each in display style. */
    private static String lines(String... rows) {
        return "\\begin{array}{l}\\displaystyle " + String.join(" \\\\ \\displaystyle ", rows) + "\\end{array}";
    }

    /** A label under a brace, in text size (TeX's script size is too small to read from the back of a room). */
    private static String under(String label) {
        return "_{\\textstyle " + label + "}";
    }

    /** Luo eqs. 9–15: log p(x) = ELBO + KL(q ‖ p(z|x)), each term's value under it. */
    String identity(ElboParts parts) {
        return "\\underbrace{\\log p(x)}" + under(is(parts.logEvidence())) + " = \\underbrace{\\mathbb{E}_{" + Q + "}\\left[\\log"
                + "\\frac{p(x,z)}{" + Q + "}\\right]}" + under("\\mathrm{ELBO}\\," + is(parts.elbo())) + " + \\underbrace{"
                + KL_POSTERIOR + "}" + under(is(parts.posteriorKl()) + "\\;\\geq\\, 0");
    }

    /** Luo eqs. 16–18: ELBO = reconstruction − prior matching, with their values. */
    String split(double reconstruction, double priorMatching, double elbo) {
        return "\\underbrace{\\mathrm{ELBO}}" + under(is(elbo)) + " = \\underbrace{\\mathbb{E}_{" + Q + "}\\big[\\log p(x\\mid z)"
                + "\\big]}" + under(Figures.texWords(messages, "elbo.tex.reconstruction") + "\\," + is(reconstruction))
                + " - \\underbrace{" + KL_PRIOR + "}" + under(Figures.texWords(messages, "elbo.tex.priorMatching") + "\\,"
                + is(priorMatching));
    }

    /** The Gaussian KL in closed form, and evaluated at q's μ and σ. */
    String gaussianKl(double mu, double sigma, double value) {
        String m = Figures.tex(messages, mu, 3);
        String s = Figures.tex(messages, sigma, 3);
        String mSquared = mu < 0 ? "(" + m + ")^2" : m + "^2";
        return lines("D_{\\mathrm{KL}}\\big(\\mathcal{N}(\\mu,\\sigma^2)\\,\\|\\,\\mathcal{N}(0,1)\\big) = -\\tfrac{1}{2}\\big(1"
                + " + \\log\\sigma^2 - \\mu^2 - \\sigma^2\\big)", "\\qquad = -\\tfrac{1}{2}\\big(1 + \\log " + s + "^2 - " + mSquared
                + " - " + s + "^2\\big) " + is(value));
    }

    /** The mean-field floor, at the posterior's correlation ρ. */
    String meanField(double rho, double floor) {
        String r = Figures.tex(messages, rho, 3);
        return lines("q(z\\mid x) = \\mathcal{N}(z_1; m_1, \\sigma_1^2)\\,\\mathcal{N}(z_2; m_2, \\sigma_2^2)",
                "\\min_q D_{\\mathrm{KL}} = -\\tfrac{1}{2}\\log(1-\\rho^2)",
                "\\qquad = -\\tfrac{1}{2}\\log\\big(1-(" + r + ")^2\\big) " + is(floor));
    }

    /** Luo eqs. 3/8: Jensen's inequality, with log p(x) and the ELBO of the exact model. */
    String jensen(double logEvidence, double elbo) {
        return "\\underbrace{\\log \\mathbb{E}_{q}\\left[\\frac{p(x,z)}{" + Q + "}\\right]}" + under("\\log p(x)\\," + is(logEvidence))
                + " \\geq \\underbrace{\\mathbb{E}_{q}\\left[\\log \\frac{p(x,z)}{" + Q + "}\\right]}" + under("\\mathrm{ELBO}\\,"
                + is(elbo));
    }

    /** The importance-weighted bound, with its value at the largest K. */
    String iwae(double elbo, int k, double bound, double logEvidence) {
        return lines("\\mathcal{L}_K = \\mathbb{E}_{z_{1:K}\\sim q}\\left[\\log \\frac{1}{K}\\sum_{k=1}^{K} \\frac{p(x,z_k)}{q(z_k\\mid x)}"
                + "\\right]", "\\mathrm{ELBO} = \\mathcal{L}_1 " + is(elbo) + " \\;\\leq\\; \\mathcal{L}_{" + k + "} " + is(bound)
                + " \\;\\leq\\; \\log p(x) " + is(logEvidence));
    }

    /** Luo eq. 1 by quadrature on the grid, and KL(q ‖ p(z|x)) as the difference (dots until they are known). */
    String grid(double logEvidence, double elbo) {
        return lines("\\log p(x) \\approx \\log \\sum_{" + Figures.texWords(messages, "elbo.tex.cells") + "} p(x\\mid z_c)\\,"
                + "p(z_c)\\,\\Delta z " + is(logEvidence), KL_POSTERIOR + " = \\log p(x) - \\mathrm{ELBO} " + is(logEvidence - elbo));
    }

    /** Luo eq. 58: the diffusion ELBO with its three parts' values (nats). */
    String diffusionElbo(double reconstruction, double prior, double denoising, double total) {
        return lines("\\underbrace{\\mathrm{ELBO}}" + under(is(-total)) + " = \\underbrace{\\mathbb{E}_{q}\\big[\\log p_\\theta(x_0\\mid"
                + " x_1)\\big]}" + under(Figures.texWords(messages, "elbo.tex.reconstruction") + "\\," + is(-reconstruction))
                + " - \\underbrace{D_{\\mathrm{KL}}\\big(q(x_T\\mid x_0)\\,\\|\\,p(x_T)\\big)}" + under(Figures.texWords(messages,
                "elbo.tex.priorMatching") + "\\," + is(prior)), "\\qquad - \\underbrace{\\sum_{t=2}^{T} \\mathbb{E}_{q}\\big[D_{\\mathrm{KL}}"
                + "\\big(q(x_{t-1}\\mid x_t,x_0)\\,\\|\\,p_\\theta(x_{t-1}\\mid x_t)\\big)\\big]}" + under("\\sum L_t\\ "
                + Figures.texWords(messages, "elbo.tex.denoisingMatching") + "\\," + is(denoising)));
    }
}
