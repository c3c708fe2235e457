using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StackFloor;

// `measure` starts this same program as the app in a child process and drives it; anything else serves.
if (args.Length > 0 && args[0] == "measure")
{
    return await FloorMeasurement.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration["Db"] ?? throw new InvalidOperationException("--Db \"Data Source=FILE\" is required.");
builder.Services.AddDbContextPool<FloorDb>(o => o.UseSqlite(connectionString).AddInterceptors(new FloorPragmas()));
builder.Services.AddIdentity<IdentityUser, IdentityRole>().AddEntityFrameworkStores<FloorDb>().AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(o => o.LoginPath = "/masuk");
builder.Services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));

var app = builder.Build();
await FloorData.EnsureAsync(app.Services, builder.Configuration.GetValue("Items", 100_000));
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
// The raw baseline of the report page: the same two statements with ADO.NET, written as bare HTML.
app.MapGet("/_baseline/laporan/{id:int}", (int id, CancellationToken ct) => FloorBaseline.ReportAsync(connectionString, id, ct));
await app.RunAsync();
return 0;
