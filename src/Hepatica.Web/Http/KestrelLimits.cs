using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hepatica.Web.Http;

/// <summary>
/// Kestrel's limits from configuration section <c>Kestrel:Limits</c> (docs/web.md): the plain ones (MaxRequestBodySize,
/// KeepAliveTimeout ...) bound as they are, and <c>MinRequestBodyDataRate:BytesPerSecond</c> / <c>:GracePeriod</c>,
/// which the binder cannot set (MinDataRate has no setters). A body slower than that rate is refused with 408.
/// </summary>
internal static class KestrelLimits
{
    public static void Configure(IConfiguration configuration, KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false; // no "Server: Kestrel"
        var limits = configuration.GetSection("Kestrel:Limits");
        limits.Bind(kestrel.Limits);
        var rate = limits.GetSection("MinRequestBodyDataRate");
        if (rate.Exists())
        {
            var current = kestrel.Limits.MinRequestBodyDataRate;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(
                rate.GetValue("BytesPerSecond", current?.BytesPerSecond ?? 240),
                rate.GetValue("GracePeriod", current?.GracePeriod ?? TimeSpan.FromSeconds(5)));
        }
    }
}
