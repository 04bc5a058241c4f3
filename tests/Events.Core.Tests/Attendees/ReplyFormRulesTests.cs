using Events.Core.Attendees.Forms;

namespace Events.Core.Tests.Attendees;

/// <summary>The 回执's conditions and checks, the same rules the page shows live and the service enforces.</summary>
public sealed class ReplyFormRulesTests
{
    private static ReplyFormDefinition Form()
    {
        var form = new ReplyFormDefinition();
        ReplyFormDesign.AddPreset(form, ReplyFieldPresets.LodgingPreset);
        ReplyFormDesign.AddPreset(form, ReplyFieldPresets.DietPreset);
        form.Find(ReplyFieldKeys.Hotel)!.Options = [new() { Key = "jinjiang", Label = "锦江宾馆" }];
        return form;
    }

    [Fact]
    public void A_field_shown_on_a_condition_is_hidden_unanswered_required_when_it_holds_and_dropped_when_hidden()
    {
        var form = Form();
        var answers = new Dictionary<string, string?> { [ReplyFieldKeys.Lodging] = "false", [ReplyFieldKeys.Hotel] = "jinjiang" };
        Assert.False(ReplyFormRules.IsShown(form.Find(ReplyFieldKeys.Hotel)!, form, answers));
        var check = ReplyFormRules.Check(form, answers);
        Assert.True(check.IsValid);
        Assert.False(check.Values.ContainsKey(ReplyFieldKeys.Hotel));

        answers[ReplyFieldKeys.Lodging] = "true";
        answers[ReplyFieldKeys.Hotel] = null;
        Assert.True(ReplyFormRules.IsRequired(form.Find(ReplyFieldKeys.Hotel)!, form, answers));
        Assert.Contains(ReplyFormRules.Check(form, answers).Errors, e => e.Field == ReplyFieldKeys.Hotel && e.Code == ReplyFormRules.Required);
        // 合住人 is shown only for a shared twin room, which itself is shown only with lodging.
        answers[ReplyFieldKeys.RoomType] = ReplyFieldKeys.RoomTwinShared;
        Assert.True(ReplyFormRules.IsShown(form.Find(ReplyFieldKeys.SharedWith)!, form, answers));
        answers[ReplyFieldKeys.Lodging] = "false";
        Assert.False(ReplyFormRules.IsShown(form.Find(ReplyFieldKeys.SharedWith)!, form, answers));
    }

    [Fact]
    public void Unknown_choices_dates_and_numbers_are_refused_and_good_ones_normalised()
    {
        var form = Form();
        var answers = new Dictionary<string, string?>
        {
            [ReplyFieldKeys.Lodging] = "true", [ReplyFieldKeys.Hotel] = "hilton", [ReplyFieldKeys.RoomType] = ReplyFieldKeys.RoomSingle,
            [ReplyFieldKeys.CheckIn] = "2030-02-30", [ReplyFieldKeys.Nights] = "两晚", [ReplyFieldKeys.Diet] = ReplyFieldKeys.DietHalal,
        };
        Assert.Equal([(ReplyFieldKeys.Hotel, ReplyFormRules.UnknownChoice), (ReplyFieldKeys.CheckIn, ReplyFormRules.DateFormat), (ReplyFieldKeys.Nights, ReplyFormRules.NumberFormat)],
            ReplyFormRules.Check(form, answers).Errors.Select(e => (e.Field, e.Code)).ToList());

        answers[ReplyFieldKeys.Hotel] = "jinjiang";
        answers[ReplyFieldKeys.CheckIn] = "2030-07-28";
        answers[ReplyFieldKeys.Nights] = "２";
        var ok = ReplyFormRules.Check(form, answers);
        Assert.True(ok.IsValid);
        var read = new RegistrationAnswers(ok.Values.ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
        Assert.Equal([new DateOnly(2030, 7, 28), new DateOnly(2030, 7, 29)], read.RoomNights);
    }

    [Fact]
    public void The_builder_refuses_duplicate_keys_choices_without_options_and_conditions_on_later_fields()
    {
        var form = new ReplyFormDefinition();
        form.Fields.Add(new ReplyField { Key = "a", Label = "甲", ShowWhen = new ReplyCondition { FieldKey = "b", Values = ["true"] } });
        form.Fields.Add(new ReplyField { Key = "b", Label = "乙", Type = ReplyFieldType.YesNo });
        form.Fields.Add(new ReplyField { Key = "b", Label = "丙", Type = ReplyFieldType.SingleChoice });
        Assert.Equal([("fields[0].showWhen", "ConditionField"), ("fields[2].key", "KeyTaken"), ("fields[2].options", "NoOptions")],
            ReplyFormDesign.Validate(form).Select(e => (e.Field, e.Code)).ToList());
    }

    [Fact]
    public void The_ethnicity_preset_offers_the_56_groups_and_presets_are_added_once()
    {
        var form = new ReplyFormDefinition();
        Assert.Equal(1, ReplyFormDesign.AddPreset(form, ReplyFieldPresets.EthnicityPreset));
        Assert.Equal(0, ReplyFormDesign.AddPreset(form, ReplyFieldPresets.EthnicityPreset));
        Assert.Equal(56, form.Find(ReplyFieldKeys.Ethnicity)!.Options.Select(o => o.Label).Distinct().Count());
        Assert.Equal(form.ToJson(), ReplyFormDefinition.Parse(form.ToJson()).ToJson());
    }
}
