using Mesh.Api.Authentication;
using Mesh.Api.Idempotency;
using Mesh.Api.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mesh.Api.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>): the API key security scheme, the <c>Idempotency-Key</c> header on
/// value-moving operations, and the problem responses every operation can give.
/// </summary>
internal static class MeshOpenApi
{
    public const string DocumentName = "v1";
    public const string Route = "/openapi/{documentName}.json";
    private const string SchemeName = "apiKey";
    private const string ProblemSchema = "Problem";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Mesh API",
                Version = DocumentName,
                Description = "The cross-chain collateral mesh. Errors are RFC 9457 problems (application/problem+json) with a stable `code`; "
                    + "amounts are JSON strings of base-unit digits; value-moving POSTs need an Idempotency-Key; lists are cursor-paginated.",
            };
            EnsureComponents(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var document = context.Document!;
            EnsureComponents(document);
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            operation.Responses ??= [];
            AddProblem(operation, document, "400", "The request is malformed; `code` and `field` say what.");
            AddProblem(operation, document, "429", "Rate limited; see Retry-After.");
            AddProblem(operation, document, "500", "Unexpected failure; `traceId` finds it in the log.");
            if (secured)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
                AddProblem(operation, document, "401", "No key, or a malformed, unknown or revoked one.");
                AddProblem(operation, document, "403", "The key's role or principal may not do this.");
            }

            if (metadata.OfType<IdempotencyMetadata>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyMetadata.HeaderName,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "A unique string per operation (1 to 255 visible ASCII characters); send the same one on every retry.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
                });
                AddProblem(operation, document, "409", "A request with this Idempotency-Key is still running; see Retry-After.");
                AddProblem(operation, document, "422", "The Idempotency-Key was used for a different request, or the mesh refused it.");
            }

            return Task.CompletedTask;
        });
    }

    private static void EnsureComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "mesh_<keyId>_<secret>",
            Description = $"An API key, as `Authorization: Bearer <key>` or `{ApiKeyAuthenticationHandler.HeaderName}: <key>`.",
        });
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem.",
            Required = new HashSet<string> { "type", "title", "status", "code", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = ApiProblems.TypePrefix + "<code>" },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable, dotted: request.unknown_field, auth.invalid_key, ..." },
                ["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The input field at fault, as a JSON path." },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        });
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ApiProblems.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        });
    }
}
