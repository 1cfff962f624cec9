using Hepatica.Web;
using Hepatica.Web.Api;
using Hepatica.Web.CdsHooks;
using Hepatica.Web.Http;
using Hepatica.Web.Pages;
using Hepatica.Web.Record;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel((context, kestrel) => KestrelLimits.Configure(context.Configuration, kestrel));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ClientFaultHandler>();
builder.Services.AddSingleton<ClientFaultLog>();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks();
builder.Services.AddProfileSetting();
builder.Services.AddScoringApi(builder.Configuration);
builder.Services.AddCdsHooks();
builder.Services.AddRecord();
builder.Services.AddPages();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHeadAsGet();
app.UsePages();
app.UseRouting();
app.UseCors();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapScoringApi();
app.MapCdsHooks();
app.MapRecord();
app.MapPages();
app.MapReceipts();

app.Run();

/// <summary>The host, named so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
