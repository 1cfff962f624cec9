using System.Text.Json;
using System.Text.Json.Serialization;
using Hepatica.Store;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.Record;

/// <summary>
/// The record in the host (docs/web.md, "The record"): one <see cref="IRecordStore"/> for the host's life, opened from
/// <c>Hepatica:Store</c> (a SQLite path or a PostgreSQL connection string; default <see cref="StoreLocation.Default"/>) with
/// the host's guideline profile, on first use, so a host that never touches the record (and the build, which starts the
/// app to write the OpenAPI document) creates no database.
/// </summary>
internal static class RecordSetup
{
    /// <summary>Where the record lives: a SQLite file path, or a PostgreSQL connection string (<c>Host=...</c>).</summary>
    public const string StoreSetting = "Hepatica:Store";

    public static IServiceCollection AddRecord(this IServiceCollection services)
    {
        services.AddOptions<RecordOptions>().BindConfiguration(RecordOptions.Section);
        services.AddSingleton(sp =>
        {
            var location = StoreLocation.Parse(sp.GetRequiredService<IConfiguration>()[StoreSetting]);
            var profile = sp.GetRequiredService<IOptions<ProfileSetting>>().Value.Value;
            // Opened once, when first asked for; the container disposes it when the host stops.
            return RecordStore.OpenAsync(location, profile, sp.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult();
        });

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
        return app;
    }
}
