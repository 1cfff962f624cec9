using Microsoft.AspNetCore.Http.Features;

namespace Hepatica.Web.Api;

/// <summary>Reads a request body whole, never more than a limit.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The body, or null when it is larger than <paramref name="limit"/> bytes. The limit is enforced three times over:
    /// Kestrel's per-request <see cref="IHttpMaxRequestBodySizeFeature"/> (the server stops reading), the declared
    /// Content-Length (refused before reading), and a count of the bytes read (chunked bodies, and hosts such as
    /// TestServer that have no such feature).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, long limit, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await context.Request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
