using System.Text.Json;
using System.Text.Json.Serialization;
using Hepatica.Web.Api;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.Pages;

/// <summary>
/// The pages (docs/web.md, "Pages"): built by ClientApp/ into wwwroot/ and served from there, with their own
/// Content-Security-Policy (<see cref="Http.SecurityHeaders"/>), and the settings they read from <c>GET /api/app/config</c>.
/// The pages call the same API as every other client; they hold no clinical logic.
/// </summary>
internal static class PageHost
{
    /// <summary>Binds <see cref="PageOptions"/>, refusing to start with an unknown unit system.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddOptions<PageOptions>().BindConfiguration(PageOptions.Section)
            .Validate(o => o.Units is "si" or "us", $"{PageOptions.Section}:Units must be si or us.")
            .Validate(o => o.Smart.LaunchUrl is null || (Uri.TryCreate(o.Smart.LaunchUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || (u.Scheme == Uri.UriSchemeHttp && u.IsLoopback))), $"{PageOptions.Section}:Smart:LaunchUrl must be an absolute https URL (http only on loopback).")
            .Validate(o => o.ReceiptDays is >= 1 and <= 3650, $"{PageOptions.Section}:ReceiptDays must be a number of days from 1 to 3650.")
            .Validate(o => o.ConnectSources.Concat(o.FrameAncestors).All(IsOrigin), $"{PageOptions.Section}:ConnectSources and FrameAncestors must be origins (https://host[:port], or http://127.0.0.1:port / http://localhost:port).")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Serves wwwroot (index.html at <c>/</c>) when the pages were built.</summary>
    public static IApplicationBuilder UsePages(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, "wwwroot");
        if (!Directory.Exists(root))
        {
            return app; // a host built without its pages (an API-only deployment): the API is unchanged
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }

    /// <summary>Maps <c>GET /api/app/config</c>.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/app/config", (IOptions<PageOptions> pages, IOptions<ProfileSetting> profile, IServiceProvider services) =>
            {
                var o = pages.Value;
                var record = services.GetService<Hepatica.Store.IRecordStore>() is not null;
                var scope = o.Smart.WriteBack ? o.Smart.Scope + " " + o.Smart.WriteBackScope : o.Smart.Scope;
                return TypedResults.Json(new AppConfig(o.Units, profile.Value.Profile, record, new SmartConfig(o.Smart.ClientId, scope, o.Smart.WriteBack, o.Smart.WriteBackScope)), ConfigJson);
            })
            .WithTags("Pages")
            .WithName("AppConfig")
            .WithSummary("The settings the pages read: default units, profile, whether the record is on, the SMART client.")
            .WithDescription("Nothing secret: the same for every caller (a SMART app is a public client).")
            .Produces<AppConfig>(StatusCodes.Status200OK, MediaTypes.Json);
        return app;
    }

    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>An origin: scheme, host and port only; plain http only on loopback.</summary>
    internal static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && !value.EndsWith('/')
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}

/// <summary>The pages' settings.</summary>
/// <param name="Units">Which unit each lab starts on: si or us.</param>
/// <param name="Profile">The host's default guideline profile: us or uk.</param>
/// <param name="Record">True when the longitudinal record is on (trends from the record, receipts).</param>
/// <param name="Smart">The SMART client.</param>
internal sealed record AppConfig(string Units, string Profile, bool Record, SmartConfig Smart);

/// <summary>The SMART client the app registers as.</summary>
/// <param name="ClientId">The client id.</param>
/// <param name="Scope">Every scope asked for (write-back's included when it is on).</param>
/// <param name="WriteBack">True when results may be written back to the EHR.</param>
/// <param name="WriteBackScope">The scopes write-back needs.</param>
internal sealed record SmartConfig(string ClientId, string Scope, bool WriteBack, string WriteBackScope);
