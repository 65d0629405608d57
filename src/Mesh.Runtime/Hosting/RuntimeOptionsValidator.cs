using Microsoft.Extensions.Options;

namespace Mesh.Runtime.Hosting;

/// <summary>Validates <see cref="RuntimeOptions"/> at start-up with messages naming each setting.</summary>
internal sealed class RuntimeOptionsValidator : IValidateOptions<RuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, RuntimeOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
