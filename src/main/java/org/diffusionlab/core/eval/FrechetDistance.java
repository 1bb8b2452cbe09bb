package org.diffusionlab.core.eval;

/**
 * The Fréchet distance between Gaussians fitted to two sets of feature vectors (as in FID, Heusel et al. 2017):
 * d² = ‖μ₁ − μ₂‖² + Tr(Σ₁) + Tr(Σ₂) − 2 Tr((Σ₁^{½} Σ₂ Σ₁^{½})^{½}), with unbiased covariances. The matrix square
 * roots come from symmetric eigendecompositions (cyclic Jacobi), in double precision.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    public static double between(double[][] a, double[][] b) {
        int d = a[0].length;
        if (b[0].length != d) {
            throw new IllegalArgumentException("feature sizes differ: " + d + " and " + b[0].length);
        }
        double[] meanA = mean(a);
        double[] meanB = mean(b);
        double[][] covA = covariance(a, meanA);
        double[][] covB = covariance(b, meanB);
        double distance = 0;
        for (int i = 0; i < d; i++) {
            distance += (meanA[i] - meanB[i]) * (meanA[i] - meanB[i]) + covA[i][i] + covB[i][i];
        }
        double[][] rootA = sqrtSymmetric(covA);
        double[][] product = multiply(multiply(rootA, covB), rootA);
        double traceRoot = 0;
        for (double lambda : SymmetricEigen.of(product).values()) {
            traceRoot += Math.sqrt(Math.max(0, lambda));
        }
        return Math.max(0, distance - 2 * traceRoot);
    }

    static double[] mean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] row : rows) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= rows.length;
        }
        return m;
    }

    static double[][] covariance(double[][] rows, double[] mean) {
        int d = mean.length;
        double[][] c = new double[d][d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                double di = row[i] - mean[i];
                if (di == 0) {
                    continue;
                }
                for (int j = i; j < d; j++) {
                    c[i][j] += di * (row[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= rows.length - 1;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** V·diag(√max(λ, 0))·Vᵀ for a symmetric positive semi-definite matrix. */
    static double[][] sqrtSymmetric(double[][] m) {
        SymmetricEigen eigen = SymmetricEigen.of(m);
        int d = m.length;
        double[][] v = eigen.vectors();
        double[][] root = new double[d][d];
        for (int k = 0; k < d; k++) {
            double s = Math.sqrt(Math.max(0, eigen.values()[k]));
            for (int i = 0; i < d; i++) {
                double vik = v[i][k] * s;
                for (int j = 0; j < d; j++) {
                    root[i][j] += vik * v[j][k];
                }
            }
        }
        return root;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                for (int j = 0; j < m; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }
}
