namespace Mesh.Cli.Http;

/// <summary>The API answered, and refused: a problem with its stable code (exit code 1).</summary>
internal sealed class MeshApiException : Exception
{
    public MeshApiException(ApiProblem problem)
        : base(Describe(problem)) => Problem = problem;

    public MeshApiException()
        : this(new ApiProblem(500, "unknown", null, null, null))
    {
    }

    public MeshApiException(string message)
        : base(message) => Problem = new ApiProblem(500, "unknown", null, message, null);

    public MeshApiException(string message, Exception innerException)
        : base(message, innerException) => Problem = new ApiProblem(500, "unknown", null, message, null);

    /// <summary>The problem as the API wrote it.</summary>
    public ApiProblem Problem { get; }

    private static string Describe(ApiProblem problem)
    {
        var field = problem.Field is null ? "" : $" (field {problem.Field})";
        return $"{problem.Code}{field}: {problem.Detail ?? problem.Title ?? "refused"} [HTTP {problem.Status}]";
    }
}
