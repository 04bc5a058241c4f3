namespace Events.Core.Mail;

/// <summary>Every kind of mail the product sends, with the placeholders its text may use.</summary>
public static class MailTemplateKeys
{
    public const string ConfirmAccount = nameof(ConfirmAccount);
    public const string ResetPassword = nameof(ResetPassword);
    /// <summary>To an address that has an account, when someone registers it again (the register form answers the same either way).</summary>
    public const string AccountExists = nameof(AccountExists);
    public const string StaffAdded = nameof(StaffAdded);
    public const string SpeakerNotice = nameof(SpeakerNotice);
    public const string ProgramChanged = nameof(ProgramChanged);
    public const string RegistrationConfirmed = nameof(RegistrationConfirmed);
    public const string RegistrationCancelled = nameof(RegistrationCancelled);
    /// <summary>Received, waiting for the organizer's approval (审核).</summary>
    public const string RegistrationPending = nameof(RegistrationPending);
    public const string RegistrationApproved = nameof(RegistrationApproved);
    public const string RegistrationRefused = nameof(RegistrationRefused);
    /// <summary>The category was full: kept on the waiting list (候补).</summary>
    public const string RegistrationWaiting = nameof(RegistrationWaiting);
    public const string SubmissionReceived = nameof(SubmissionReceived);
    public const string ReviewerInvitation = nameof(ReviewerInvitation);
    public const string ReviewAssignment = nameof(ReviewAssignment);
    public const string DecisionNotification = nameof(DecisionNotification);
    public const string BulletinIssue = nameof(BulletinIssue);
    /// <summary>A staged notice (会议通知) mailed to a segment.</summary>
    public const string EventNotice = nameof(EventNotice);
    /// <summary>An invitation to register, with a personal link that opens the pre-filled 回执.</summary>
    public const string EventInvitation = nameof(EventInvitation);
    /// <summary>A certificate or invitation letter, attached as a PDF.</summary>
    public const string Certificate = nameof(Certificate);

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders = new Dictionary<string, IReadOnlyList<string>>
    {
        [ConfirmAccount] = ["name", "link"],
        [ResetPassword] = ["name", "link"],
        [AccountExists] = ["name", "link"],
        [StaffAdded] = ["name", "eventTitle", "eventDates", "eventLink", "manageLink"],
        [SpeakerNotice] = ["name", "eventTitle", "eventDates", "eventLink", "message"],
        [ProgramChanged] = ["name", "eventTitle", "version", "slots", "eventLink"],
        [RegistrationConfirmed] = ["name", "eventTitle", "eventDates", "eventLink", "myLink", "cancelLink"],
        [RegistrationCancelled] = ["name", "eventTitle", "eventDates", "eventLink", "registerLink"],
        [RegistrationPending] = ["name", "eventTitle", "eventDates", "eventLink", "myLink", "cancelLink", "category"],
        [RegistrationApproved] = ["name", "eventTitle", "eventDates", "eventLink", "myLink", "cancelLink", "category"],
        [RegistrationRefused] = ["name", "eventTitle", "eventDates", "eventLink", "registerLink", "category"],
        [RegistrationWaiting] = ["name", "eventTitle", "eventDates", "eventLink", "myLink", "cancelLink", "category"],
        [SubmissionReceived] = ["name", "eventTitle", "paperNumber", "paperTitle", "authors", "submissionDeadline", "papersLink"],
        [ReviewerInvitation] = ["name", "eventTitle", "eventDates", "reviewDeadline", "link"],
        // Reviewers' mail never carries author names: "papers" lists numbers and titles only.
        [ReviewAssignment] = ["name", "eventTitle", "papers", "reviewDeadline", "link"],
        [DecisionNotification] = ["name", "eventTitle", "paperNumber", "paperTitle", "decision", "comments", "link"],
        [BulletinIssue] = ["seriesName", "numbers", "title", "issueDate", "link"],
        [EventNotice] = ["name", "eventTitle", "noticeLabel", "title", "noticeDate", "link", "pdfLink"],
        [EventInvitation] = ["name", "eventTitle", "eventDates", "eventLink", "link"],
        [Certificate] = ["name", "eventTitle", "document", "code", "verifyLink"],
    };

    /// <summary>Templates an organizer may reword for an event; account mail is the same for everyone.</summary>
    public static readonly IReadOnlyList<string> PerEvent = [StaffAdded, SpeakerNotice, ProgramChanged, RegistrationConfirmed, RegistrationCancelled, RegistrationPending, RegistrationApproved, RegistrationRefused, RegistrationWaiting, SubmissionReceived, ReviewerInvitation, ReviewAssignment, DecisionNotification, EventNotice, EventInvitation, Certificate];

    public static readonly IReadOnlyList<string> Cultures = ["zh-CN", "en"];
}
