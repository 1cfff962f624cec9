using Hepatica.Web.Api;
using Hepatica.Web.CdsHooks;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks();
builder.Services.AddScoringApi(builder.Configuration);
builder.Services.AddCdsHooks();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapScoringApi();
app.MapCdsHooks();

app.Run();

/// <summary>The host, named so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
