using Bunit;
using Events.Core.Common;
using Events.Core.Events;
using Events.Web.Components.Pages.Events;
using Events.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Events.Web.Tests;

public class ScratchTests(ITestOutputHelper output) : ComponentTestBase
{
    [Fact]
    public void Dump()
    {
        RenderPopoverProvider();
        var model = new EventInput();
        var cut = Render<EventForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.OnSubmit, i => Task.FromResult(SaveResult.Invalid(i.Validate()))));
        var title = cut.Find("[data-testid=event-title]");
        title.Change("x");
        cut.Find("[data-testid=event-title]").Change("");
        cut.Find("[data-testid=event-title]").Blur();
        output.WriteLine(cut.Find("[data-testid=event-title]").Closest(".mud-input-control")!.OuterHtml);
    }
}
