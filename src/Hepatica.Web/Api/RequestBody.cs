using Microsoft.AspNetCore.Http.Features;

namespace Hepatica.Web.Api;

/// <summary>A body read whole; or none: too large (no fault), or a fault of the client's request (slow, malformed, cut short).</summary>
internal readonly record struct BodyRead(byte[]? Bytes, BadHttpRequestException? Fault);

/// <summary>Reads a request body whole, never more than a limit.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The body, or null when it is larger than <paramref name="limit"/> bytes. The limit is enforced three times over:
    /// Kestrel's per-request <see cref="IHttpMaxRequestBodySizeFeature"/> (the server stops reading), the declared
    /// Content-Length (refused before reading), and a count of the bytes read (chunked bodies, and hosts such as
    /// TestServer that have no such feature). A client fault while reading (a <see cref="BadHttpRequestException"/> other
    /// than 413) is returned, with its status, for the caller to answer.
    /// </summary>
    public static async Task<BodyRead> ReadAsync(HttpContext context, long limit, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            return default;
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
                    return default;
                }

                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return default;
        }
        catch (BadHttpRequestException e)
        {
            return new BodyRead(null, e);
        }

        return new BodyRead(buffer.ToArray(), null);
    }
}
