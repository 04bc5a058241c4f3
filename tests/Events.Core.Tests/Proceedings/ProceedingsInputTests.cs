using Events.Core.Proceedings;

namespace Events.Core.Tests.Proceedings;

public class ProceedingsInputTests
{
    [Fact]
    public void A_title_is_required_and_texts_must_fit_their_columns()
    {
        var input = new ProceedingsInput { Title = "  ", Preface = new string('序', ProceedingsLimits.Preface + 1), Editors = new string('编', ProceedingsLimits.Editors + 1) };

        var codes = input.Validate().Select(v => (v.Field, v.Code)).ToList();

        Assert.Contains((nameof(ProceedingsInput.Title), "Required"), codes);
        Assert.Contains((nameof(ProceedingsInput.Preface), "TooLong"), codes);
        Assert.Contains((nameof(ProceedingsInput.Editors), "TooLong"), codes);
    }

    [Fact]
    public void Applying_the_form_trims_texts_and_stores_blank_ones_as_empty()
    {
        var volume = new Core.Proceedings.Proceedings { Title = "旧" };
        var input = new ProceedingsInput { Title = " 区域创新论文集 ", Subtitle = "  ", Editors = " 周立群\n吴晓华 ", Kind = ProceedingsKind.Abstracts, Access = ProceedingsAccess.AttendeesOnly };

        Assert.Empty(input.Validate());
        input.ApplyTo(volume);

        Assert.Equal("区域创新论文集", volume.Title);
        Assert.Null(volume.Subtitle);
        Assert.Equal("周立群\n吴晓华", volume.Editors);
        Assert.Equal(ProceedingsKind.Abstracts, volume.Kind);
        Assert.Equal(ProceedingsAccess.AttendeesOnly, volume.Access);
    }

    [Fact]
    public void An_unknown_enum_value_is_refused()
    {
        var input = new ProceedingsInput { Title = "论文集", Kind = (ProceedingsKind)42 };

        Assert.Contains(input.Validate(), v => v.Field == nameof(ProceedingsInput.Kind));
    }
}
