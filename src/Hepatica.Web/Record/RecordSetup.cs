using System.Text.Json;
using System.Text.Json.Serialization;
using Hepatica.Store;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.Record;

/// <summary>
/// The record in the host (docs/web.md, "The record"): one <see cref="IRecordStore"/> for the host's life, opened from
/// <c>Hepatica:Store</c> (a SQLite path or a PostgreSQL connection string; default <see cref="StoreLocation.Default"/>) with
/// the host's guideline profile, on first use (<see cref="OpeningRecordStore"/>), so a host that never touches the record (and the build, which starts the
/// app to write the OpenAPI document) creates no database.
/// </summary>
internal static class RecordSetup
{
    /// <summary>Where the record lives: a SQLite file path, or a PostgreSQL connection string (<c>Host=...</c>).</summary>
    public const string StoreSetting = "Hepatica:Store";

    public static IServiceCollection AddRecord(this IServiceCollection services)
    {
        services.AddOptions<RecordOptions>().BindConfiguration(RecordOptions.Section);
        services.AddSingleton<IRecordStore>(sp => new OpeningRecordStore(
            StoreLocation.Parse(sp.GetRequiredService<IConfiguration>()[StoreSetting]),
            sp.GetRequiredService<IOptions<ProfileSetting>>().Value.Value,
            sp.GetRequiredService<TimeProvider>()));

        // Alert states and severities as the lower-case words the filters take (open, acknowledged, critical).
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict; // numbers are numbers (and so in the OpenAPI document)
        });
        return services;
    }

    public static IEndpointRouteBuilder MapRecord(this IEndpointRouteBuilder app)
    {
        app.MapRecordApi();
        app.MapFhirRecord();
        app.MapTimelineApi();
        return app;
    }

    /// <summary>
    /// A route filter of the record's routes: the database down or newer than this host is 503 with issue REC005 (an OperationOutcome under /fhir; a
    /// load balancer takes the replica out; the client may retry), never a 500. The log names the exception's type only.
    /// </summary>
    public static async ValueTask<object?> Unavailable(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Hepatica.Store.Database.StoreVersionException or TimeoutException)
        {
            var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecordSetup));
            RecordLog.Unavailable(log, e.GetType().Name);
            context.HttpContext.Response.Headers.RetryAfter = "5";
            var message = e is Hepatica.Store.Database.StoreVersionException
                ? "The record's schema is newer than this host: upgrade the host (docs/store.md, \"Schema and migrations\")."
                : "The record's database cannot be reached; try again.";
            var format = context.HttpContext.Request.Path.StartsWithSegments("/fhir") ? Api.WireFormat.Fhir : Api.WireFormat.Json;
            return Api.ApiResults.Problem(format, StatusCodes.Status503ServiceUnavailable, "Record unavailable", message,
                [Hepatica.Clinical.Scoring.InputIssue.Error(RecordIssueCodes.Unavailable, "$", message)]);
        }
    }
}
