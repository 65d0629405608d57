namespace Mesh.Risk.Portfolio;

/// <summary>Thrown when a correlation or covariance matrix is not positive semi-definite.</summary>
public sealed class MatrixNotPositiveDefiniteException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="MatrixNotPositiveDefiniteException"/> class.</summary>
    public MatrixNotPositiveDefiniteException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MatrixNotPositiveDefiniteException"/> class.</summary>
    /// <param name="message">The message.</param>
    public MatrixNotPositiveDefiniteException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MatrixNotPositiveDefiniteException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MatrixNotPositiveDefiniteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MatrixNotPositiveDefiniteException"/> class.</summary>
    /// <param name="pivot">The row at which the factorisation met a negative pivot.</param>
    /// <param name="pivotValue">The negative pivot value.</param>
    public MatrixNotPositiveDefiniteException(int pivot, double pivotValue)
        : base($"Matrix is not positive semi-definite: pivot {pivot} is {pivotValue:G6}. Check the correlation inputs.", "matrix")
    {
        Pivot = pivot;
        PivotValue = pivotValue;
    }

    /// <summary>Gets the row at which the factorisation failed.</summary>
    public int Pivot { get; }

    /// <summary>Gets the negative pivot value.</summary>
    public double PivotValue { get; }
}
