using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Events.Core.Access;
using Events.Web.Components.Layout;
using Events.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Events.Web.Tests.Components.Layout;

/// <summary>
/// The layout as the app's router shows it: a page of this test assembly in <see cref="MainLayout"/>, moved between
/// addresses within the circuit the way the timetable changes its forum and day (NavigateTo with a new query).
/// </summary>
public class MainLayoutTests : BunitContext, IAsyncLifetime
{
    public MainLayoutTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddEventsLocalization();
        Services.AddAuthorizationCore();
        // bUnit puts a placeholder in front of the real authorization service (as ComponentTestBase).
        Services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationService, Microsoft.AspNetCore.Authorization.DefaultAuthorizationService>();
        Services.AddCascadingValue(_ => Task.FromResult(new AuthenticationState(Organizer)));
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor has services that only dispose asynchronously (as ComponentTestBase).</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private static readonly ClaimsPrincipal Organizer = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "organizer"), new Claim(ClaimTypes.Role, Roles.Organizer)], "test"));

    [Fact]
    public void In_circuit_navigation_with_a_new_query_then_the_language_switch_returns_to_the_new_address_and_the_layout_draws_once()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/manage/events");
        var cut = Render(RouterFragment);
        var layout = cut.FindComponent<CountingLayout>().Instance;
        // The bar's switch and the narrow screen menu's.
        Assert.Equal(["/manage/events", "/manage/events"], ReturnFields(cut));

        var before = layout.Renders;
        navigation.NavigateTo("/manage/events?forum=3&day=2026-05-20");

        cut.WaitForAssertion(() => Assert.Equal(["/manage/events?forum=3&day=2026-05-20", "/manage/events?forum=3&day=2026-05-20"], ReturnFields(cut)));
        Assert.Equal(before + 1, layout.Renders);
    }

    [Fact]
    public void In_circuit_navigation_to_another_page_then_the_menu_marks_the_new_page()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/events");
        var cut = Render(RouterFragment);
        Assert.Equal(["/events"], ActiveMenuLinks(cut));

        navigation.NavigateTo("/manage/events?forum=3");

        cut.WaitForAssertion(() => Assert.Equal(["/manage/events"], ActiveMenuLinks(cut)));
        Assert.Equal(["/manage/events?forum=3", "/manage/events?forum=3"], ReturnFields(cut));
    }

    private static List<string?> ReturnFields(IRenderedComponent<ContainerFragment> cut) =>
        cut.FindAll("input[name=returnUrl]").Select(i => i.GetAttribute("value")).ToList();

    private static List<string?> ActiveMenuLinks(IRenderedComponent<ContainerFragment> cut) =>
        cut.FindAll("[data-testid=app-menu-drawer] a.mud-nav-link.active").Select(a => a.GetAttribute("href")).ToList();

    /// <summary>The app's Routes (Components/Routes.razor), with this assembly's pages and the app's layout.</summary>
    private static readonly RenderFragment RouterFragment = builder =>
    {
        builder.OpenComponent<Router>(0);
        builder.AddComponentParameter(1, nameof(Router.AppAssembly), typeof(MainLayoutTests).Assembly);
        builder.AddComponentParameter(2, nameof(Router.Found), (RenderFragment<RouteData>)(routeData => inner =>
        {
            inner.OpenComponent<AuthorizeRouteView>(0);
            inner.AddComponentParameter(1, nameof(AuthorizeRouteView.RouteData), routeData);
            inner.AddComponentParameter(2, nameof(AuthorizeRouteView.Resource), routeData);
            inner.AddComponentParameter(3, nameof(AuthorizeRouteView.DefaultLayout), typeof(CountingLayout));
            inner.CloseComponent();
        }));
        builder.CloseComponent();
    };

    /// <summary>The app's layout, counting its own renders (bUnit's render count also counts its children's).</summary>
    private sealed class CountingLayout : MainLayout
    {
        public int Renders { get; private set; }

        protected override void OnAfterRender(bool firstRender) => Renders++;
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }
}

/// <summary>A page at two of the app's addresses, so the menus have something to mark.</summary>
[Route("/events")]
[Route("/manage/events")]
public sealed class LayoutProbePage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, "<h1>probe</h1>");
}
