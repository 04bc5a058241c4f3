using System.Text.RegularExpressions;
using System.Xml.Linq;
using Events.Core.Access;
using Events.Core.Events;
using Events.Core.Organizations;
using Events.Infrastructure.Events;
using Events.Infrastructure.Files;
using Events.Web.Tests.Infrastructure;

namespace Events.Web.Tests.Localization;

/// <summary>
/// Every message the app can ask for is in both SharedResource.resx (中文, the default) and SharedResource.en.resx.
/// Keys are found by reading the source, so a new L["Key"] or rule code without a translation fails here, not in front of a user.
/// </summary>
public partial class ResourceKeyTests
{
    private static readonly string LocalizationFolder = Path.Combine(RepoPaths.WebProject, "Localization");
    private static readonly IReadOnlyDictionary<string, string> Chinese = ReadResx("SharedResource.resx");
    private static readonly IReadOnlyDictionary<string, string> English = ReadResx("SharedResource.en.resx");

    /// <summary>Prefixes the app builds keys from at run time; each needs its members listed in <see cref="DynamicKeys"/>.</summary>
    private static readonly string[] DynamicFamilies =
        ["EventKind", "EventStatus", "OrganizerRole", "ParticipantRole", "OrganizationKind", "Role", "StaffChange", "Photo",
         "OutboxState", "MailTemplate", "Culture", "Sample", "SessionKind", "ItemRole", "Conflict", "ChangeKind",
         "ProceedingsKind", "ProceedingsAccess", "PaperGrouping", "RunningHeader", "BuildState", "BuildStage", "BuildRequest",
         "PublishOutcome", "BuildError",
         "RegistrationRefusal", "RegistrationState", "AttendeeSort", "RegistrationPhase", "DelegateOrder", "DelegateOrderPrinted", "ImportField", "ImportProblem", "SheetProblem", "PaymentState", "PaymentMethod", "InvoiceKind", "NoticeSegment", "NoticeSendRefusal", "CertificateKind", "CertificateBuildFormat", "BookletSection", "BookletBuildState",
         "CfpReviewMode", "AuthorPaperState", "AuthorDecision", "AuthorFileKind", "PaperUpload",
         "AssignOutcome", "AssignmentSource", "BidOutcome", "BidPreference", "Confidence", "InvitationOutcome", "PlacementOutcome",
         "Recommendation", "ReviewDecision", "ReviewState", "ReviewerState", "ConflictReason", "AssignmentReason",
         "BulletinStatus", "MarkPosition", "BulletinFace", "FooterLayout", "FooterPlacement", "FooterField", "AuthorNotePlacement",
         "SeatingLayout", "SeatingConvention", "SeatingSeatsPer", "TableFill", "SeatingTableShort", "SeatingSource", "SeatingView",
         "SeatingTableNumber", "SeatingTentSeat", "BadgeBand", "BulletinImport", "DecisionOutcome",
         "Live", "Validation"];

    /// <summary>ASP.NET Identity error codes: the pages fall back to Identity's own description when a key is missing.</summary>
    private const string FamilyWithFallback = "Identity";

    [Fact]
    public void Both_resource_files_have_the_same_keys()
    {
        Assert.Empty(Chinese.Keys.Except(English.Keys).Order());
        Assert.Empty(English.Keys.Except(Chinese.Keys).Order());
    }

    [Fact]
    public void Every_literal_key_used_in_the_web_project_exists_in_both_languages()
    {
        var keys = SourceFiles(RepoPaths.WebProject)
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.Contains("FixErrors", keys);
        Assert.Contains("Event.Title", keys);
        AssertInBothLanguages(keys);
    }

    [Fact]
    public void Every_key_built_from_an_enum_or_role_exists_in_both_languages()
    {
        AssertInBothLanguages(DynamicKeys());
    }

    [Fact]
    public void Every_key_family_built_at_run_time_is_covered_by_this_test()
    {
        var families = SourceFiles(RepoPaths.WebProject)
            .SelectMany(f => InterpolatedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["family"].Value))
            .ToHashSet();

        Assert.Contains("EventKind", families);
        Assert.Empty(families.Except(DynamicFamilies).Where(f => f != FamilyWithFallback).Order());
    }

    [Fact]
    public void Every_rule_code_raised_in_the_source_has_a_validation_message_in_both_languages()
    {
        var codes = new[] { "Events.Core", "Events.Infrastructure", "Events.Web" }
            .SelectMany(p => SourceFiles(Path.Combine(RepoPaths.Root, "src", p)))
            .SelectMany(f => RuleViolationCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();

        // One code from each project, so a regex that stops matching cannot pass by finding nothing.
        Assert.Superset(new HashSet<string> { "Required", "SlugTaken", "ParentCycle", "ParentNotYours", "NotFound" }, codes);
        AssertInBothLanguages(codes.Select(c => $"Validation.{c}"));
    }

    [Theory]
    [InlineData("Save")]
    [InlineData("FixErrors")]
    [InlineData("ConflictMessage")]
    [InlineData("Validation.Required")]
    [InlineData("EventKind.Symposium")]
    [InlineData("OrganizerRole.Host")]
    [InlineData("Person.DisplayTitle")]
    public void Chinese_resource_when_read_then_the_value_is_written_in_Chinese(string key)
    {
        Assert.Matches(CjkCharacter(), Chinese[key]);
    }

    [Fact]
    public void English_resource_when_read_then_no_value_contains_Chinese_characters()
    {
        Assert.NotEmpty(English);
        Assert.Empty(English.Where(kv => CjkCharacter().IsMatch(kv.Value)).Select(kv => $"{kv.Key} = {kv.Value}"));
    }

    [Fact]
    public void Format_placeholders_are_the_same_in_both_languages()
    {
        var different = Chinese.Keys.Intersect(English.Keys)
            .Where(k => !Placeholders(Chinese[k]).SetEquals(Placeholders(English[k])))
            .Order();

        Assert.Empty(different);
    }

    private static IEnumerable<string> DynamicKeys() =>
        Enum.GetNames<EventKind>().Select(n => $"EventKind.{n}")
            .Concat(Enum.GetNames<Events.Infrastructure.Program.ProgramEdit>().Select(n => $"Live.{n}"))
            .Concat(Enum.GetNames<EventStatus>().Select(n => $"EventStatus.{n}"))
            .Concat(Enum.GetNames<OrganizerRole>().Select(n => $"OrganizerRole.{n}"))
            .Concat(Enum.GetNames<ParticipantRole>().Select(n => $"ParticipantRole.{n}"))
            .Concat(Enum.GetNames<OrganizationKind>().Select(n => $"OrganizationKind.{n}"))
            .Concat(Roles.All.Select(r => $"Role.{r}"))
            .Concat(Enum.GetNames<StaffChange>().Select(n => $"StaffChange.{n}"))
            .Concat(Enum.GetNames<ImageProblem>().Select(n => $"Photo.{n}"))
            .Concat(Enum.GetNames<Events.Core.Mail.OutboxState>().Select(n => $"OutboxState.{n}"))
            .Concat(Events.Core.Mail.MailTemplateKeys.Placeholders.Keys.Select(k => $"MailTemplate.{k}"))
            .Concat(Events.Core.Mail.MailTemplateKeys.Cultures.Select(c => $"Culture.{c}"))
            .Concat(Events.Core.Mail.MailTemplateKeys.Placeholders.Values.SelectMany(p => p).Select(p => $"Sample.{p}"))
            .Concat(Enum.GetNames<Events.Core.Program.SessionKind>().Select(n => $"SessionKind.{n}"))
            .Concat(Enum.GetNames<Events.Core.Program.ItemRole>().Select(n => $"ItemRole.{n}"))
            .Concat(Enum.GetNames<Events.Core.Program.Conflicts.ConflictKind>().Select(n => $"Conflict.{n}"))
            .Concat(Enum.GetNames<Events.Core.Program.ChangeKind>().Select(n => $"ChangeKind.{n}"))
            .Concat(Enum.GetNames<Events.Core.Proceedings.ProceedingsKind>().Select(n => $"ProceedingsKind.{n}"))
            .Concat(Enum.GetNames<Events.Core.Proceedings.ProceedingsAccess>().Select(n => $"ProceedingsAccess.{n}"))
            .Concat(Enum.GetNames<Events.Core.Proceedings.PaperGrouping>().Select(n => $"PaperGrouping.{n}"))
            .Concat(Enum.GetNames<Events.Core.Proceedings.RunningHeader>().Select(n => $"RunningHeader.{n}"))
            .Concat(Enum.GetNames<Events.Core.Proceedings.BuildState>().Select(n => $"BuildState.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Proceedings.BuildStage>().Select(n => $"BuildStage.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Proceedings.BuildRequestOutcome>().Select(n => $"BuildRequest.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Proceedings.PublishOutcome>().Select(n => $"PublishOutcome.{n}"))
            .Concat(Events.Infrastructure.Proceedings.BuildFailedException.Codes.Select(c => $"BuildError.{c}"))
            .Concat(Enum.GetNames<Events.Core.Attendees.RegistrationRefusal>().Select(n => $"RegistrationRefusal.{n}"))
            .Concat(Enum.GetNames<Events.Core.Attendees.RegistrationState>().Select(n => $"RegistrationState.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Attendees.AttendeeSort>().Select(n => $"AttendeeSort.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Attendees.RegistrationPhase>().Select(n => $"RegistrationPhase.{n}"))
            .Concat(Enum.GetNames<Events.Core.Papers.ReviewMode>().Select(n => $"CfpReviewMode.{n}"))
            .Concat(Enum.GetNames<Events.Core.Papers.SubmissionState>().Select(n => $"AuthorPaperState.{n}"))
            .Concat(Enum.GetNames<Events.Core.Papers.Decision>().Select(n => $"AuthorDecision.{n}"))
            .Concat(Enum.GetNames<Events.Core.Papers.SubmissionFileKind>().Select(n => $"AuthorFileKind.{n}"))
            .Concat(Enum.GetNames<Events.Core.Papers.PaperUploadProblem>().Select(n => $"PaperUpload.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Reviews.AssignOutcome>().Select(n => $"AssignOutcome.{n}"))
            .Concat(Enum.GetNames<Events.Core.Reviews.AssignmentSource>().Select(n => $"AssignmentSource.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Reviews.BidOutcome>().Select(n => $"BidOutcome.{n}"))
            .Concat(Enum.GetNames<Events.Core.Reviews.BidPreference>().Select(n => $"BidPreference.{n}"))
            .Concat(Enumerable.Range(1, Events.Core.Reviews.Review.ConfidenceMax).Select(n => $"Confidence.{n}"))
            .Concat(Enumerable.Range(1, Events.Core.Reviews.Review.RecommendationMax).Select(n => $"Recommendation.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Reviews.InvitationOutcome>().Select(n => $"InvitationOutcome.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Reviews.PlacementOutcome>().Select(n => $"PlacementOutcome.{n}"))
            .Concat(Enum.GetNames<Events.Core.Papers.Decision>().Select(n => $"ReviewDecision.{n}"))
            .Concat(Enum.GetNames<Events.Core.Reviews.ReviewState>().Append("NotStarted").Select(n => $"ReviewState.{n}"))
            .Concat(Enum.GetNames<Events.Core.Reviews.ReviewerState>().Select(n => $"ReviewerState.{n}"))
            .Concat(Enum.GetNames<Events.Core.Reviews.Conflicts.ConflictReason>().Select(n => $"ConflictReason.{n}"))
            .Concat(Enum.GetNames<Events.Core.Reviews.Assignment.AssignmentReason>().Where(n => n != "None").Select(n => $"AssignmentReason.{n}"))
            .Concat(Enum.GetNames<Events.Core.Bulletins.BulletinStatus>().Select(n => $"BulletinStatus.{n}"))
            .Concat(Enum.GetNames<Events.Core.Bulletins.MarkPosition>().Select(n => $"MarkPosition.{n}"))
            .Concat(Enum.GetNames<Events.Core.Bulletins.BulletinFace>().Select(n => $"BulletinFace.{n}"))
            .Concat(Enum.GetNames<Events.Core.Bulletins.FooterLayout>().Select(n => $"FooterLayout.{n}"))
            .Concat(Enum.GetNames<Events.Core.Bulletins.FooterPlacement>().Select(n => $"FooterPlacement.{n}"))
            .Concat(Enum.GetNames<Events.Core.Bulletins.FooterField>().Select(n => $"FooterField.{n}"))
            .Concat(Enum.GetNames<Events.Core.Bulletins.AuthorNotePlacement>().Select(n => $"AuthorNotePlacement.{n}"))
            .Concat(Enum.GetNames<Events.Core.OnTheDay.SeatingLayout>().SelectMany(n => new[] { $"SeatingLayout.{n}", $"SeatingSeatsPer.{n}", $"SeatingTableShort.{n}", $"SeatingTableNumber.{n}" }))
            .Concat(Enum.GetNames<Events.Core.OnTheDay.SeatingConvention>().Select(n => $"SeatingConvention.{n}"))
            .Concat(Enum.GetNames<Events.Core.OnTheDay.TableFill>().Select(n => $"TableFill.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.OnTheDay.SeatingCandidateSource>().Select(n => $"SeatingSource.{n}"))
            .Concat(Enum.GetNames<Events.Core.OnTheDay.SeatingView>().SelectMany(n => new[] { $"SeatingView.{n}", $"SeatingView.{n}.Caption", $"SeatingTentSeat.{n}" }))
            .Concat(Enum.GetNames<Events.Core.Attendees.Delegates.DelegateOrder>().SelectMany(n => new[] { $"DelegateOrder.{n}", $"DelegateOrderPrinted.{n}" }))
            .Concat(Enum.GetNames<Events.Core.Attendees.Imports.ImportField>().Select(n => $"ImportField.{n}"))
            .Concat(Enum.GetNames<Events.Core.Attendees.Imports.ImportProblem>().Select(n => $"ImportProblem.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Imports.SheetProblem>().Select(n => $"SheetProblem.{n}"))
            .Concat(Enum.GetNames<Events.Core.Attendees.Fees.PaymentState>().Select(n => $"PaymentState.{n}"))
            .Concat(Enum.GetNames<Events.Core.Attendees.Notices.NoticeSegment>().Select(n => $"NoticeSegment.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Notices.NoticeSendRefusal>().Select(n => $"NoticeSendRefusal.{n}"))
            .Concat(Enum.GetNames<Events.Core.Certificates.CertificateKind>().Select(n => $"CertificateKind.{n}"))
            .Concat(Enum.GetNames<Events.Core.Certificates.CertificateBuildFormat>().Select(n => $"CertificateBuildFormat.{n}"))
            .Concat(Events.Infrastructure.Booklets.BookletModel.InOrder.Select(n => $"BookletSection.{n}"))
            .Concat(Enum.GetNames<Events.Core.Booklets.BookletBuildState>().Select(n => $"BookletBuildState.{n}"))
            .Concat(Enum.GetNames<Events.Core.Attendees.Fees.PaymentMethod>().Select(n => $"PaymentMethod.{n}"))
            .Concat(Enum.GetNames<Events.Core.Attendees.Fees.InvoiceKind>().Select(n => $"InvoiceKind.{n}"))
            .Concat(Enum.GetNames<Events.Core.OnSite.BadgeBand>().Select(n => $"BadgeBand.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Attendees.DecisionOutcome>().Where(n => n != "Done").Select(n => $"DecisionOutcome.{n}"))
            .Concat(Enum.GetNames<Events.Infrastructure.Bulletins.BulletinImportError>().Where(n => n != "None").Select(n => $"BulletinImport.{n}"));

    private static void AssertInBothLanguages(IEnumerable<string> keys)
    {
        var list = keys.Distinct().ToList();
        Assert.NotEmpty(list);
        Assert.Empty(list.Where(k => !Chinese.ContainsKey(k)).Select(k => $"{k} (SharedResource.resx)")
            .Concat(list.Where(k => !English.ContainsKey(k)).Select(k => $"{k} (SharedResource.en.resx)"))
            .Order());
    }

    private static IEnumerable<string> SourceFiles(string projectDir) =>
        Directory.EnumerateFiles(projectDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(projectDir, f).Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"));

    private static Dictionary<string, string> ReadResx(string fileName) =>
        XDocument.Load(Path.Combine(LocalizationFolder, fileName)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string value) =>
        Placeholder().Matches(value).Select(m => m.Value).ToHashSet();

    /// <summary>L["Key"], the way components ask for a fixed message.</summary>
    [GeneratedRegex("""\bL\["(?<key>[^"]+)"\]""")]
    private static partial Regex LiteralKey();

    /// <summary>L[$"Family.{...}"], a key built at run time.</summary>
    [GeneratedRegex("""\bL\[\$"(?<family>[A-Za-z]+)\.\{""")]
    private static partial Regex InterpolatedKey();

    /// <summary>
    /// The code, a string literal, passed second to <c>new(field, "Code")</c> or <c>new RuleViolation(field, "Code")</c>
    /// (qualified names included); the field may be nameof(...), a string or an interpolated string.
    /// </summary>
    [GeneratedRegex("""\bnew\s*(?:(?:global::)?(?:\w+\.)*RuleViolation\s*)?\(\s*(?:nameof\([^()]*\)|\$?"[^"]*"|[\w.]+)\s*,\s*"(?<code>[^"]+)"\s*\)""")]
    private static partial Regex RuleViolationCode();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}]")]
    private static partial Regex CjkCharacter();

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Placeholder();
}
