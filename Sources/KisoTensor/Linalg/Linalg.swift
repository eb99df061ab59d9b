/// NumPy's `numpy.linalg`: decompositions, inverses and solvers of matrices and of stacks of
/// matrices (every dimension before the last two is a batch dimension), computed in float64 by
/// LAPACK.
public enum Linalg {}
