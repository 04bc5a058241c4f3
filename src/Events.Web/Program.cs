using Events.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEventsApp();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseEventsApp();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the test projects.</summary>
public partial class Program;
