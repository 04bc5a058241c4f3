using System.Reflection;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Bulletins;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Core.OnTheDay;
using Events.Core.Organizations;
using Events.Core.Papers;
using Events.Core.People;
using Events.Core.Proceedings;
using Events.Core.Program;
using Events.Core.Reviews;
using Events.Infrastructure.Access;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Booklets;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Certificates;
using Events.Core.Certificates;
using Events.Infrastructure.Events;
using Events.Infrastructure.Mail;
using Events.Infrastructure.OnTheDay;
using Events.Infrastructure.OnSite;
using Events.Core.OnSite;
using Events.Infrastructure.Organizations;
using Events.Infrastructure.Papers;
using Events.Infrastructure.People;
using Events.Infrastructure.Proceedings;
using Events.Infrastructure.Program;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Events.Web.Access;
using Events.Web.Components.Pages.Bulletins;
using Events.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Events.IntegrationTests.Access;

/// <summary>
/// Every service method that changes data checks the acting user's rights itself: called directly, as a page that
/// forgot its own check would, by a user without the right, it throws and writes nothing.
/// </summary>
public sealed class ServiceRightsTests(ServiceRightsFixture f) : IClassFixture<ServiceRightsFixture>
{
    /// <summary>Which rule guards a method, and so who must be refused.</summary>
    public enum Rule
    {
        /// <summary>Administrators or the event's staff; the call targets the top-level forum.</summary>
        EventStaff,
        /// <summary>Organizers and administrators, or the staff of the issue's event (here the top-level forum).</summary>
        BulletinEditor,
        /// <summary>Organizers and administrators.</summary>
        OrganizerRole,
        Administrator,
    }

    private sealed record Operation(Rule Rule, Func<ServiceRightsFixture, Actor, Task> Run);

    private static readonly Dictionary<string, Operation> Operations = new()
    {
        ["EventEditor.SaveAsync (edit)"] = new(Rule.EventStaff, async (f, a) =>
        {
            var input = (await f.App.Get<EventEditor>().LoadAsync(f.Root))!;
            input.Venue = "改过的会场";
            await f.App.Get<EventEditor>().SaveAsync(a, input);
        }),
        ["EventEditor.SaveAsync (new)"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<EventEditor>().SaveAsync(a, new EventInput
        {
            Title = "新活动", Slug = "rights-new-event", StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 1, 1),
        })),
        ["EventStaffEditor.AddAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<EventStaffEditor>().AddAsync(a, f.Root, "outsider@test.local")),
        ["EventStaffEditor.RemoveAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<EventStaffEditor>().RemoveAsync(a, f.Root, f.Outsider.UserId)),
        ["OrganizationService.SaveAsync"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<OrganizationService>().SaveAsync(a, new OrganizationInput { Name = "新单位" })),
        ["PersonService.SaveAsync"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<PersonService>().SaveAsync(a, new PersonInput { Name = "新人" })),
        ["PersonService.SetPhotoAsync"] = new(Rule.OrganizerRole, (f, a) =>
            f.App.Get<PersonService>().SetPhotoAsync(a, f.PersonId, new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]), 2_000_000)),
        ["ProgramService.SaveSessionAsync"] = new(Rule.EventStaff, async (f, a) =>
        {
            var input = (await f.App.Get<ProgramService>().LoadSessionAsync(f.SessionRoot))!;
            input.Title = "改过的标题";
            await f.App.Get<ProgramService>().SaveSessionAsync(a, f.Root, input);
        }),
        ["ProgramService.DeleteSessionAsync"] = new(Rule.EventStaff, async (f, a) =>
        {
            var input = (await f.App.Get<ProgramService>().LoadSessionAsync(f.SessionRoot))!;
            await f.App.Get<ProgramService>().DeleteSessionAsync(a, f.SessionRoot, input.ConcurrencyStamp);
        }),
        ["ProgramService.AddRoomAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProgramService>().AddRoomAsync(a, f.Root, "新会场", 10)),
        ["ProgramService.MoveSessionAsync"] = new(Rule.EventStaff, async (f, a) =>
        {
            var input = (await f.App.Get<ProgramService>().LoadSessionAsync(f.SessionRoot))!;
            var (start, end) = input.Instants(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            await f.App.Get<ProgramService>().MoveSessionAsync(a, f.Root, f.SessionRoot, input.ConcurrencyStamp, f.Root, null, start.AddMinutes(5), end.AddMinutes(5));
        }),
        ["ProgramService.UndoAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProgramService>().UndoAsync(a, f.Root)),
        ["ProgramService.UnscheduleSessionAsync"] = new(Rule.EventStaff, async (f, a) =>
        {
            var input = (await f.App.Get<ProgramService>().LoadSessionAsync(f.SessionRoot))!;
            await f.App.Get<ProgramService>().UnscheduleSessionAsync(a, f.Root, f.SessionRoot, input.ConcurrencyStamp);
        }),
        ["ProgramService.ReturnPaperToTrayAsync"] = new(Rule.EventStaff, async (f, a) =>
        {
            var input = (await f.App.Get<ProgramService>().LoadSessionAsync(f.SessionRoot))!;
            await f.App.Get<ProgramService>().ReturnPaperToTrayAsync(a, f.Root, f.SessionRoot, input.Items.FirstOrDefault()?.Id ?? 0, input.ConcurrencyStamp);
        }),
        ["ProgramService.RemoveRoomAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProgramService>().RemoveRoomAsync(a, f.Root, f.RoomRoot)),
        ["ProgramPublisher.PublishAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProgramPublisher>().PublishAsync(a, f.Root, "x", acknowledgeConflicts: true)),
        ["ProgramPublisher.MakeEventPublicAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProgramPublisher>().MakeEventPublicAsync(a, f.Root)),
        ["ProgramPublisher.MakeForumsPublicAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProgramPublisher>().MakeForumsPublicAsync(a, f.Root)),
        ["PaperPlacement.PlaceAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<PaperPlacement>().PlaceAsync(a, f.Root, 1, f.SessionRoot, null, [])),
        ["PaperPlacement.PlaceInNewSessionAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<PaperPlacement>().PlaceInNewSessionAsync(a, f.Root, 1, f.Root, f.RoomRoot, new DateTimeOffset(2024, 1, 1, 2, 0, 0, TimeSpan.Zero))),
        ["ProgramService.SaveAvailabilityAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<ProgramService>().SaveAvailabilityAsync(a, f.Root, f.PersonId, "", [])),
        ["RegistrationSettingsEditor.SaveAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<RegistrationSettingsEditor>().SaveAsync(a, f.Root, new RegistrationSettingsInput { IsOpen = true, Capacity = 5 })),
        ["RegistrationService.CancelForAttendeeAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<RegistrationService>().CancelForAttendeeAsync(a, f.Root, 1)),
        ["RegistrationService.SaveDoorNoteAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<RegistrationService>().SaveDoorNoteAsync(a, f.Root, 1, null, "贵宾")),
        ["RegistrationService.DecideAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<RegistrationService>().DecideAsync(a, f.Root, 1, approve: true)),
        ["RegistrationService.DecideHandoverAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<RegistrationService>().DecideHandoverAsync(a, f.Root, 1, approve: true)),
        ["RegistrationService.UpdateForAttendeeAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<RegistrationService>().UpdateForAttendeeAsync(a, f.Root, 1, new RegistrationInput { Name = "改", Organization = "改", Title = "改", Email = "x@example.cn" })),
        ["RegistrationService.OpenFileAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<RegistrationService>().OpenFileAsync(a, f.Root, 1, "student_card")),
        ["RegistrationCategoryEditor.SaveAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<RegistrationCategoryEditor>().SaveAsync(a, f.Root, new RegistrationCategoryInput { Name = "学生", Capacity = 10 })),
        ["RegistrationCategoryEditor.DeleteAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<RegistrationCategoryEditor>().DeleteAsync(a, f.Root, 1)),
        ["RegistrationCategoryEditor.MoveAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<RegistrationCategoryEditor>().MoveAsync(a, f.Root, 1, 1)),
        ["ReplyFormEditor.SaveAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<ReplyFormEditor>().SaveAsync(a, f.Root, new Core.Attendees.Forms.ReplyFormDefinition(), Guid.Empty)),
        ["PersonalData.LogExportAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<PersonalData>().LogExportAsync(a, f.Root, "registrations.xlsx", 3)),
        ["PersonalData.LogAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<PersonalData>().LogAsync(a, f.Root)),
        ["EventStaffEditor.SetPersonalDataRightAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<EventStaffEditor>().SetPersonalDataRightAsync(a, f.Root, f.Outsider.UserId, true)),
        ["BadgeService.SheetAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BadgeService>().SheetAsync(a, f.Root, new BadgeFilter(), BadgePaper.A4)),
        ["BadgeService.OneAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BadgeService>().OneAsync(a, f.Root, 1, BadgePaper.A4)),
        ["BadgeService.ReprintAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BadgeService>().ReprintAsync(a, f.Root, 1)),
        ["BadgeService.HasLogoAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BadgeService>().HasLogoAsync(a, f.Root)),
        ["BadgeService.UploadLogoAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BadgeService>().UploadLogoAsync(a, f.Root, new MemoryStream(TestImages.Png(40, 40)))),
        ["BadgeService.RemoveLogoAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BadgeService>().RemoveLogoAsync(a, f.Root)),
        ["BadgeBuilds.QueueAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BadgeBuilds>().QueueAsync(a, f.Root, new BadgeFilter(), BadgePaper.A4, "zh-CN")),
        ["BadgeBuilds.ListAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BadgeBuilds>().ListAsync(a, f.Root)),
        ["BadgeBuilds.OpenAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BadgeBuilds>().OpenAsync(a, f.Root, 1)),
        ["CheckInService.ScanAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<CheckInService>().ScanAsync(a, f.Root, f.App.Get<BadgeService>().Badge(1, "", "", "", BadgeBand.Delegate, 0).QrUrl, "rights-scan", CheckInMethod.Camera)),
        ["CheckInService.CheckInAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CheckInService>().CheckInAsync(a, f.Root, 1, "rights-search")),
        ["CheckInService.SearchAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CheckInService>().SearchAsync(a, f.Root, "张")),
        ["CheckInService.CountsAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CheckInService>().CountsAsync(a, f.Root)),
        ["CheckInService.ExportRowsAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CheckInService>().ExportRowsAsync(a, f.Root)),
        ["CheckInService.SessionChoicesAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CheckInService>().SessionChoicesAsync(a, f.Root)),
        ["CheckInService.SetSessionCheckInAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CheckInService>().SetSessionCheckInAsync(a, f.Root, f.SessionRoot, true)),
        ["DelegateListService.SaveSettingsAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<DelegateListService>().SaveSettingsAsync(a, f.Root, new global::Events.Core.Attendees.Delegates.DelegateListSettingsInput { ProtocolOrder = "北京市" })),
        ["FeeService.SetAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<FeeService>().SetAsync(a, f.Root, [1], new global::Events.Core.Attendees.Fees.FeeUpdate { State = global::Events.Core.Attendees.Fees.PaymentState.Paid })),
        ["RegistrantImportService.ConfirmAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<global::Events.Infrastructure.Imports.RegistrantImportService>().ConfirmAsync(a, new global::Events.Infrastructure.Imports.ImportPreview(f.Root, 1, [], [], [], 2, []))),
        ["RegistrantImportService.ConfirmAsync (people)"] = new(Rule.OrganizerRole, (f, a) =>
            f.App.Get<global::Events.Infrastructure.Imports.RegistrantImportService>().ConfirmAsync(a, new global::Events.Infrastructure.Imports.ImportPreview(0, 1, [], [], [], 2, [])
            { Target = global::Events.Core.Attendees.Imports.ImportTarget.People })),
        ["RegistrantImportService.ConfirmAsync (reviewers)"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<global::Events.Infrastructure.Imports.RegistrantImportService>().ConfirmAsync(a, new global::Events.Infrastructure.Imports.ImportPreview(f.Root, 1, [], [], [], 2, [])
            { Target = global::Events.Core.Attendees.Imports.ImportTarget.Reviewers })),
        ["DelegateListService.SetGroupAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<DelegateListService>().SetGroupAsync(a, f.Root, 1, "第一组")),
        ["NoticeService.SaveAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<global::Events.Infrastructure.Notices.NoticeService>().SaveAsync(a, f.Root, null,
            new global::Events.Core.Attendees.Notices.EventNoticeInput { Number = 1, Title = "第一轮通知", NoticeDate = new DateOnly(2026, 1, 1), Body = "正文" })),
        ["NoticeService.ReleaseAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<global::Events.Infrastructure.Notices.NoticeService>().ReleaseAsync(a, f.Root, 1)),
        ["NoticeService.DeleteAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<global::Events.Infrastructure.Notices.NoticeService>().DeleteAsync(a, f.Root, 1)),
        ["NoticeService.SendAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<global::Events.Infrastructure.Notices.NoticeService>().SendAsync(a, f.Root, 1,
            global::Events.Core.Attendees.Notices.NoticeSegment.Registered, null)),
        ["InvitationService.AddAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<global::Events.Infrastructure.Notices.InvitationService>().AddAsync(a, f.Root,
            [new global::Events.Core.Attendees.Notices.InviteeInput("受邀人", "invitee@test.local")])),
        ["InvitationService.WithdrawAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<global::Events.Infrastructure.Notices.InvitationService>().WithdrawAsync(a, f.Root, 1)),
        ["InvitationService.SendAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<global::Events.Infrastructure.Notices.InvitationService>().SendAsync(a, f.Root)),
        ["CallService.SaveAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CallService>().SaveAsync(a, new CallInput { EventId = f.Root })),
        ["ProceedingsService.SaveAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProceedingsService>().SaveAsync(a, f.Root, new ProceedingsInput { Title = "论文集" }, null)),
        ["ProceedingsService.SaveOrderAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProceedingsService>().SaveOrderAsync(a, f.Root, [], Guid.Empty)),
        ["ProceedingsService.ResetOrderAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProceedingsService>().ResetOrderAsync(a, f.Root, Guid.Empty)),
        ["ProceedingsService.RequestBuildAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProceedingsService>().RequestBuildAsync(a, f.Root)),
        ["ProceedingsService.CancelBuildAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProceedingsService>().CancelBuildAsync(a, f.Root, 1)),
        ["ProceedingsService.PublishAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ProceedingsService>().PublishAsync(a, f.Root, null, Guid.Empty)),
        ["OutboxAdmin.RetryAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<OutboxAdmin>().RetryAsync(a, f.Root, 1)),
        ["OutboxAdmin.CancelAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<OutboxAdmin>().CancelAsync(a, f.Root, 1)),
        ["OutboxAdmin.ReleaseBatchAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<OutboxAdmin>().ReleaseBatchAsync(a, f.Root, Guid.NewGuid())),
        ["OutboxAdmin.CancelBatchAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<OutboxAdmin>().CancelBatchAsync(a, f.Root, Guid.NewGuid())),
        ["MailTemplateStore.SaveOverrideAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<MailTemplateStore>().SaveOverrideAsync(a, f.Root, MailTemplateKeys.SpeakerNotice, "zh-CN", new MailTemplate("主题", "正文"), null)),
        ["MailTemplateStore.ResetAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<MailTemplateStore>().ResetAsync(a, f.Root, MailTemplateKeys.SpeakerNotice, "zh-CN")),
        ["SpeakerNotices.QueueAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<SpeakerNotices>().QueueAsync(a, f.Root, "各位嘉宾好")),
        ["AssignmentService.AssignAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<AssignmentService>().AssignAsync(a, f.Root, 1, 1)),
        ["AssignmentService.DeclareConflictAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<AssignmentService>().DeclareConflictAsync(a, f.Root, 1, 1, "同事")),
        ["AssignmentService.WithdrawConflictAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<AssignmentService>().WithdrawConflictAsync(a, f.Root, 1, 1)),
        ["AssignmentService.UnassignAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<AssignmentService>().UnassignAsync(a, f.Root, 1)),
        ["AutoAssignment.CommitAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<AutoAssignment>().CommitAsync(a, f.Root, [])),
        ["DecisionService.DecideAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<DecisionService>().DecideAsync(a, f.Root, 1, Decision.Reject, Guid.Empty)),
        ["DecisionService.NotifyAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<DecisionService>().NotifyAsync(a, f.Root)),
        ["ReviewerService.InviteAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<ReviewerService>().InviteAsync(a, f.Root, new ReviewerInvite { Email = "reviewer@test.local", Name = "审稿人" })),
        ["ReviewerService.InviteManyAsync"] = new(Rule.EventStaff, (f, a) =>
            f.App.Get<ReviewerService>().InviteManyAsync(a, f.Root, [new ReviewerInvite { Email = "reviewer2@test.local", Name = "审稿人乙" }])),
        ["ReviewerService.ResendAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ReviewerService>().ResendAsync(a, f.Root, 1)),
        ["ReviewerService.SetMaxLoadAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ReviewerService>().SetMaxLoadAsync(a, f.Root, 1, 3)),
        ["ReviewerService.RemoveAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<ReviewerService>().RemoveAsync(a, f.Root, 1)),
        ["BulletinService.SaveSeriesAsync"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<BulletinService>().SaveSeriesAsync(a, new BulletinSeriesInput { Name = "新简报" })),
        ["BulletinService.CreateAsync"] = new(Rule.OrganizerRole, (f, a) =>
            f.App.Get<BulletinService>().CreateAsync(a, new BulletinInput { SeriesId = f.SeriesId, Title = "新一期", IssueDate = new DateOnly(2025, 1, 1) })),
        ["BulletinService.SaveAsync"] = new(Rule.BulletinEditor, async (f, a) =>
        {
            var input = (await f.App.Get<BulletinService>().LoadAsync(f.BulletinRoot))!.Input;
            input.Title = "改过的标题";
            await f.App.Get<BulletinService>().SaveAsync(a, input);
        }),
        ["BulletinService.MoveAsync"] = new(Rule.BulletinEditor, async (f, a) =>
        {
            var input = (await f.App.Get<BulletinService>().LoadAsync(f.BulletinRoot))!.Input;
            await f.App.Get<BulletinService>().MoveAsync(a, f.BulletinRoot, BulletinStatus.InReview, input.ConcurrencyStamp);
        }),
        ["BulletinService.CreateCorrectionAsync"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<BulletinService>().CreateCorrectionAsync(a, f.BulletinRoot)),
        ["BulletinService.CreateDraftFromEventAsync"] = new(Rule.OrganizerRole, (f, a) =>
            f.App.Get<BulletinService>().CreateDraftFromEventAsync(a, f.SeriesId, f.Root, DraftPhrases.From(f.App.Get<IStringLocalizer<SharedResource>>()))),
        ["BulletinPublisher.PublishAsync"] = new(Rule.OrganizerRole, async (f, a) =>
        {
            var input = (await f.App.Get<BulletinService>().LoadAsync(f.BulletinRoot))!.Input;
            await f.App.Get<BulletinPublisher>().PublishAsync(a, f.BulletinRoot, input.ConcurrencyStamp, "x");
        }),
        ["BulletinDocxImporter.ImportAsync"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<BulletinDocxImporter>().ImportAsync(a, new MemoryStream([0x50, 0x4B, 0x03, 0x04]))),
        ["BulletinFontService.UploadAsync"] = new(Rule.OrganizerRole, (f, a) =>
            f.App.Get<BulletinFontService>().UploadAsync(a, f.SeriesId, BulletinFace.FangSong, "x.ttf", new MemoryStream([0x00, 0x01, 0x00, 0x00]), true)),
        ["BulletinFontService.DeleteAsync"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<BulletinFontService>().DeleteAsync(a, f.SeriesId, 1)),
        ["BulletinMailer.QueueAsync"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<BulletinMailer>().QueueAsync(a, f.BulletinRoot, [0x25, 0x50, 0x44, 0x46], "x.pdf")),
        ["BulletinMailer.ReleaseAsync"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<BulletinMailer>().ReleaseAsync(a, f.BulletinRoot, Guid.NewGuid())),
        ["BulletinMailer.CancelAsync"] = new(Rule.OrganizerRole, (f, a) => f.App.Get<BulletinMailer>().CancelAsync(a, f.BulletinRoot, Guid.NewGuid())),
        ["SeatingService.SaveAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<SeatingService>().SaveAsync(a, f.Root, f.SessionRoot,
            new SeatingPlanInput(SeatingLayout.Rostrum, SeatingConvention.Official, 10, [new("张三", "主任")]), null)),
        ["CertificateService.SetupAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().SetupAsync(a, f.Root)),
        ["CertificateService.SaveDesignAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().SaveDesignAsync(a, f.Root,
            new CertificateDesignInput("主办单位", null, CertificateDateStyle.Chinese), null)),
        ["CertificateService.UploadImageAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().UploadImageAsync(a, f.Root, CertificateImage.Seal,
            new MemoryStream(TestImages.Png(40, 40)))),
        ["CertificateService.RemoveImageAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().RemoveImageAsync(a, f.Root, CertificateImage.Seal)),
        ["CertificateService.SaveTemplateAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().SaveTemplateAsync(a, f.Root,
            CertificateKind.Attendance, "zh-CN", "参会证明", "兹证明{姓名}参加{会议名称}。", "组委会", null)),
        ["CertificateService.CandidatesAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().CandidatesAsync(a, f.Root, CertificateKind.Attendance, new CandidateQuery(0, 10))),
        ["CertificateService.CategoriesAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().CategoriesAsync(a, f.Root)),
        ["CertificateService.IssueAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().IssueAsync(a, f.Root, CertificateKind.Attendance, 1, "zh-CN")),
        ["CertificateService.IssueAllAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().IssueAllAsync(a, f.Root, CertificateKind.Attendance, new CandidateQuery(0, 10), "zh-CN")),
        ["CertificateService.ReissueAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().ReissueAsync(a, f.Root, 1)),
        ["CertificateService.RevokeAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().RevokeAsync(a, f.Root, 1)),
        ["CertificateService.PrintsAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().PrintsAsync(a, f.Root, [1])),
        ["CertificateService.BuildsAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateService>().BuildsAsync(a, f.Root)),
        ["CertificateBuilds.QueueAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateBuilds>().QueueAsync(a, f.Root, CertificateKind.Attendance,
            new CandidateQuery(0, 10), "zh-CN", CertificateBuildFormat.Combined)),
        ["CertificateBuilds.QueueIdsAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateBuilds>().QueueIdsAsync(a, f.Root, CertificateKind.Attendance, [1], CertificateBuildFormat.Mail)),
        ["CertificateBuilds.OpenAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<CertificateBuilds>().OpenAsync(a, f.Root, 1)),
        ["BookletService.LoadSettingsAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BookletService>().LoadSettingsAsync(a, f.Root)),
        ["BookletService.SaveSettingsAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BookletService>().SaveSettingsAsync(a, f.Root,
            new global::Events.Core.Booklets.BookletSettingsInput { Cover = "创新驱动" })),
        ["BookletService.QueueAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BookletService>().QueueAsync(a, f.Root)),
        ["BookletService.BuildsAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BookletService>().BuildsAsync(a, f.Root)),
        ["BookletService.OpenAsync"] = new(Rule.EventStaff, (f, a) => f.App.Get<BookletService>().OpenAsync(a, f.Root, 1)),
        ["UserAdministration.SetRoleAsync"] = new(Rule.Administrator, (f, a) => f.App.Get<UserAdministration>().SetRoleAsync(a, f.Outsider.UserId, Roles.Organizer, true)),
    };

    /// <summary>Each method, with each kind of user its rule refuses.</summary>
    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, op) in Operations)
        {
            data.Add(name, "outsider");
            // A sub-forum's staff have no rights over the top-level forum, its issues or the shared lists.
            data.Add(name, "sub-forum staff");
            if (op.Rule is Rule.EventStaff or Rule.Administrator) data.Add(name, "organizer");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_mutating_service_method_called_by_a_user_without_the_right_throws_and_writes_nothing(string method, string who)
    {
        var actor = who switch
        {
            "outsider" => f.Outsider,
            "sub-forum staff" => f.StaffA,
            _ => f.Organizer,
        };
        var before = await DatabaseFingerprint.TakeAsync(f.App);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Operations[method].Run(f, actor));

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(f.App));
    }

    /// <summary>A new guarded method without a refusal case here fails this test, so the table stays complete.</summary>
    [Fact]
    public void Every_service_method_that_takes_an_actor_has_a_refusal_case()
    {
        var covered = Operations.Keys.Select(k => k.Split(' ')[0]).ToHashSet();
        var guarded = typeof(EventRights).Assembly.GetExportedTypes().Concat(typeof(UserAdministration).Assembly.GetExportedTypes())
            .Where(t => t != typeof(EventRights))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Actor)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet();
        Assert.Empty(guarded.Except(covered));
        Assert.True(guarded.Count >= 50, $"only {guarded.Count} guarded methods found");
    }

    [Fact]
    public async Task Sub_forum_staff_cannot_save_or_delete_a_session_of_another_sub_forum_or_of_the_parent()
    {
        var program = f.App.Get<ProgramService>();
        var before = await DatabaseFingerprint.TakeAsync(f.App);

        foreach (var other in new[] { f.SessionB, f.SessionRoot })
        {
            var input = (await program.LoadSessionAsync(other))!;
            input.Title = "被改的标题";
            await Assert.ThrowsAsync<AccessDeniedException>(() => program.SaveSessionAsync(f.StaffA, f.Root, input));
            await Assert.ThrowsAsync<AccessDeniedException>(() => program.DeleteSessionAsync(f.StaffA, other, input.ConcurrencyStamp));
        }
        await Assert.ThrowsAsync<AccessDeniedException>(() => program.SaveSessionAsync(f.StaffA, f.Root, new SessionInput
        {
            EventId = f.ForumB, Title = "新场次", Day = new DateOnly(2024, 9, 8), StartTime = new TimeOnly(21, 0), EndTime = new TimeOnly(21, 30),
        }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => program.AddRoomAsync(f.StaffA, f.ForumB, "新会场", 10));

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(f.App));
    }

    [Fact]
    public async Task Sub_forum_staff_cannot_move_a_session_between_their_sub_forum_and_another_forum()
    {
        var program = f.App.Get<ProgramService>();
        var before = await DatabaseFingerprint.TakeAsync(f.App);

        var ownToOther = (await program.LoadSessionAsync(f.SessionA))!;
        ownToOther.EventId = f.ForumB;
        await Assert.ThrowsAsync<AccessDeniedException>(() => program.SaveSessionAsync(f.StaffA, f.Root, ownToOther));
        var otherToOwn = (await program.LoadSessionAsync(f.SessionB))!;
        otherToOwn.EventId = f.ForumA;
        await Assert.ThrowsAsync<AccessDeniedException>(() => program.SaveSessionAsync(f.StaffA, f.Root, otherToOwn));
        var parentToOwn = (await program.LoadSessionAsync(f.SessionRoot))!;
        parentToOwn.EventId = f.ForumA;
        await Assert.ThrowsAsync<AccessDeniedException>(() => program.SaveSessionAsync(f.StaffA, f.Root, parentToOwn));

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(f.App));
    }

    [Fact]
    public async Task Sub_forum_staff_edit_their_own_sub_forums_sessions_and_rooms()
    {
        var program = f.App.Get<ProgramService>();
        var before = await DatabaseFingerprint.TakeAsync(f.App);
        var own = (await program.LoadSessionAsync(f.SessionA))!;
        own.Title = "分论坛一：改过的标题";
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(f.StaffA, f.Root, own)).Outcome);
        Assert.NotNull(await program.AddRoomAsync(f.StaffA, f.ForumA, "第二会议室", 30));

        var added = new SessionInput { EventId = f.ForumA, Title = "临时场次", Day = new DateOnly(2024, 9, 8), StartTime = new TimeOnly(22, 0), EndTime = new TimeOnly(22, 30) };
        var saved = await program.SaveSessionAsync(f.StaffA, f.Root, added);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Equal(SaveOutcome.Saved, (await program.DeleteSessionAsync(f.StaffA, saved.Id, added.ConcurrencyStamp)).Outcome);

        await using var db = f.App.CreateDbContext();
        Assert.Equal("分论坛一：改过的标题", await db.Sessions.Where(s => s.Id == f.SessionA).Select(s => s.Title).SingleAsync());
        Assert.False(await db.Sessions.AnyAsync(s => s.Id == saved.Id));
        // The fingerprint the refusal tests compare does see a write.
        Assert.NotEqual(before, await DatabaseFingerprint.TakeAsync(f.App));
    }

    [Fact]
    public async Task Sub_forum_staff_cannot_detach_their_sub_forum_from_its_parent()
    {
        var editor = f.App.Get<EventEditor>();
        var input = (await editor.LoadAsync(f.ForumA))!;
        input.ParentEventId = null;
        input.Kind = EventKind.Forum;
        var before = await DatabaseFingerprint.TakeAsync(f.App);

        var result = await editor.SaveAsync(f.StaffA, input);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Violations, v => v.Field == nameof(EventInput.ParentEventId) && v.Code == "ParentNotYours");
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(f.App));
    }

    [Fact]
    public async Task Sub_forum_staff_cannot_move_their_sub_forum_to_a_parent_they_run_without_rights_over_the_old_one()
    {
        var editor = f.App.Get<EventEditor>();
        var input = (await editor.LoadAsync(f.ForumA))!;
        input.ParentEventId = f.OtherRoot;
        var before = await DatabaseFingerprint.TakeAsync(f.App);

        var result = await editor.SaveAsync(f.StaffAAndOtherRoot, input);

        Assert.Contains(result.Violations, v => v.Field == nameof(EventInput.ParentEventId) && v.Code == "ParentNotYours");
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(f.App));
    }

    [Fact]
    public async Task Sub_forum_staff_edit_their_sub_forum_while_it_stays_under_its_parent()
    {
        var editor = f.App.Get<EventEditor>();
        var input = (await editor.LoadAsync(f.ForumA))!;
        input.Venue = "分论坛一的新会场";

        Assert.Equal(SaveOutcome.Saved, (await editor.SaveAsync(f.StaffA, input)).Outcome);
        Assert.Equal("分论坛一的新会场", (await editor.LoadAsync(f.ForumA))!.Venue);
    }

    [Fact]
    public async Task Staff_of_a_sub_forum_and_its_parent_may_detach_the_sub_forum()
    {
        int forumC;
        await using (var db = f.App.CreateDbContext())
        {
            var c = new Event { Title = "浦江创新论坛分论坛三", Slug = "pujiang-forum-2024-c", Kind = EventKind.SubForum, ParentEventId = f.Root, StartDate = new DateOnly(2024, 9, 8), EndDate = new DateOnly(2024, 9, 8) };
            db.Events.Add(c);
            await db.SaveChangesAsync();
            forumC = c.Id;
        }
        var both = await f.StaffOfAsync("staff-c-root@test.local", "pujiang-forum-2024-c", ServiceRightsFixture.RootSlug);
        var editor = f.App.Get<EventEditor>();
        var input = (await editor.LoadAsync(forumC))!;
        input.ParentEventId = null;
        input.Kind = EventKind.Forum;

        Assert.Equal(SaveOutcome.Saved, (await editor.SaveAsync(both, input)).Outcome);
        Assert.Null((await editor.LoadAsync(forumC))!.ParentEventId);
    }

    [Fact]
    public async Task Staff_of_the_event_an_issue_is_about_may_edit_it_but_the_issue_keeps_its_event()
    {
        var bulletins = f.App.Get<BulletinService>();
        var input = (await bulletins.LoadAsync(f.BulletinA))!.Input;
        input.Title = "分论坛一简报（修订）";
        input.EventId = f.ForumB;

        Assert.Equal(SaveOutcome.Saved, (await bulletins.SaveAsync(f.StaffA, input)).Outcome);

        var saved = (await bulletins.LoadAsync(f.BulletinA))!.Input;
        Assert.Equal("分论坛一简报（修订）", saved.Title);
        Assert.Equal(f.ForumA, saved.EventId);
    }

    [Fact]
    public async Task An_organizer_edits_the_shared_lists_without_being_on_any_staff_list()
    {
        var result = await f.App.Get<OrganizationService>().SaveAsync(f.Organizer, new OrganizationInput { Name = "权限测试研究院" });
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
    }

    /// <summary>Regression: the list ordered by a member of a constructed record, which EF cannot translate, so the 组织人员 tab crashed.</summary>
    [Fact]
    public async Task Staff_list_of_an_event_is_read_sorted_by_address()
    {
        int eventId;
        await using (var db = f.App.CreateDbContext())
        {
            var ev = new Event { Title = "组织人员名单测试", Slug = "staff-list-test", StartDate = new DateOnly(2026, 5, 1), EndDate = new DateOnly(2026, 5, 1) };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            eventId = ev.Id;
        }
        var zhang = await TestUsers.CreateAsync(f.App, "zhang.list@test.local", []);
        await TestUsers.CreateAsync(f.App, "an.list@test.local", []);
        await TestUsers.CreateAsync(f.App, "li.list@test.local", []);
        var staff = f.App.Get<EventStaffEditor>();
        foreach (var email in new[] { "zhang.list@test.local", "an.list@test.local", "li.list@test.local" })
        {
            Assert.Equal(StaffChange.Added, await staff.AddAsync(TestActors.Admin, eventId, email));
        }

        var list = await staff.ListAsync(eventId);

        Assert.Equal(["an.list@test.local", "li.list@test.local", "zhang.list@test.local"], list.Select(m => m.Email));
        Assert.Equal(StaffChange.Removed, await staff.RemoveAsync(TestActors.Admin, eventId, zhang.Id));
        Assert.Equal(["an.list@test.local", "li.list@test.local"], (await staff.ListAsync(eventId)).Select(m => m.Email));
    }
}
