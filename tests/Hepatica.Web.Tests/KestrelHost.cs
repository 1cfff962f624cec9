using System.Net;
using System.Net.Sockets;
using System.Text;
using Hepatica.Web.Tests.CdsHooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hepatica.Web.Tests;

/// <summary>The web host on real Kestrel at a free loopback port, with settings for one test and its log captured.</summary>
internal sealed class KestrelHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public KestrelHost(Dictionary<string, string?>? settings = null)
    {
        this.settings = settings ?? [];
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public LogCapture Logs { get; } = new();

    /// <summary>Where the server listens (http://127.0.0.1:PORT).</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }

    /// <summary>A client of the real server (not TestServer).</summary>
    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    /// <summary>
    /// Sends a request head (LF line ends, turned into CRLF) and <paramref name="body"/> bytes on one loopback connection,
    /// and reads everything the server answers until it closes the connection.
    /// </summary>
    public async Task<RawResponse> Raw(string head, byte[]? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        if (body is not null)
        {
            await stream.WriteAsync(body, TestContext.Current.CancellationToken);
        }

        await stream.FlushAsync(TestContext.Current.CancellationToken);
        using var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer, TestContext.Current.CancellationToken);
        }
        catch (IOException)
        {
            // the server may reset the connection once it has answered a broken request
        }

        return RawResponse.Parse(Encoding.UTF8.GetString(answer.ToArray()));
    }
}

/// <summary>An HTTP/1.1 response read off a socket: status, headers, body (de-chunked when chunked).</summary>
internal sealed record RawResponse(int Status, Dictionary<string, string> Headers, string Body)
{
    public static RawResponse Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, "no HTTP response: '" + text + "'");
        var lines = text[..split].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = text[(split + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var sb = new StringBuilder();
            for (var at = 0; at < body.Length;)
            {
                var eol = body.IndexOf("\r\n", at, StringComparison.Ordinal);
                var size = Convert.ToInt32(body[at..eol], 16);
                if (size == 0)
                {
                    break;
                }

                sb.Append(body, eol + 2, size);
                at = eol + 2 + size + 2;
            }

            body = sb.ToString();
        }

        return new RawResponse(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
    }
}
