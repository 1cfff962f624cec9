using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;

namespace Hepatica.Web.Http;

/// <summary>
/// A request the client broke (Kestrel's <see cref="BadHttpRequestException"/>: a body too slow, a malformed chunk, a
/// body too large, a connection gone mid-body) answered with its own status as a ProblemDetails, never 500, and logged
/// as one line without a stack trace (<see cref="ClientFaultLog"/>). Other exceptions are left to the default handler.
/// </summary>
internal sealed class ClientFaultHandler(ClientFaultLog log, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        log.Report(httpContext, bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = bad.StatusCode, Title = ClientFaultLog.Title(bad.StatusCode), Detail = bad.Message },
        }).ConfigureAwait(false);
    }
}

/// <summary>
/// Client faults in the log: at most one line per status code per <see cref="Window"/>, with how many like it were
/// suppressed since the last line; never the exception (a client's broken request is not a server error with a stack).
/// </summary>
internal sealed partial class ClientFaultLog(ILogger<ClientFaultLog> log, TimeProvider clock)
{
    /// <summary>One line per status code per minute at most.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<int, Counter> counters = new();

    /// <summary>A short title for a client-fault status.</summary>
    public static string Title(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "The request headers are too large.",
        _ => "The request could not be read.",
    };

    public void Report(HttpContext context, BadHttpRequestException fault)
    {
        var now = clock.GetUtcNow();
        var counter = counters.GetOrAdd(fault.StatusCode, static _ => new Counter());
        int suppressed;
        lock (counter)
        {
            if (now < counter.Until)
            {
                counter.Suppressed++;
                return;
            }

            suppressed = counter.Suppressed;
            counter.Suppressed = 0;
            counter.Until = now + Window;
        }

        Fault(log, fault.StatusCode, context.Request.Method, context.Request.Path.Value ?? "", fault.Message, suppressed, (int)Window.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client fault {Status} on {Method} {Path}: {Reason} ({Suppressed} more like it were not logged; at most one line per {Seconds} s per status)")]
    private static partial void Fault(ILogger logger, int status, string method, string path, string reason, int suppressed, int seconds);

    private sealed class Counter
    {
        public DateTimeOffset Until { get; set; }

        public int Suppressed { get; set; }
    }
}
