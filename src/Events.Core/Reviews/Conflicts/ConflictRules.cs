namespace Events.Core.Reviews.Conflicts;

/// <summary>Why a reviewer may not review a paper. Shown to organizers; never to authors or other reviewers.</summary>
public enum ConflictReason
{
    SamePerson,
    SameAffiliation,
    CoAuthor,
    DeclaredByAuthor,
    DeclaredByReviewer,
    DeclaredByOrganizer,
}

/// <summary>One conflict between a reviewer and a paper, with what triggered it (an affiliation, a co-author, a declared reason).</summary>
public sealed record ConflictFinding(int SubmissionId, int ReviewerId, ConflictReason Reason, string? Detail);

public sealed record PaperAuthor(string Name, string? Email, string Affiliation);

/// <summary>The people behind one submission: its account and its byline.</summary>
public sealed record PaperParties(int SubmissionId, int Number, string SubmitterUserId, string? SubmitterEmail, IReadOnlyList<PaperAuthor> Authors);

/// <summary>A reviewer as conflict detection sees them. <see cref="Emails"/> holds the invited address and the account's.</summary>
public sealed record ReviewerIdentity(int ReviewerId, string? UserId, IReadOnlyList<string> Emails, string Name, string? Affiliation);

public sealed record DeclaredConflictInput(int SubmissionId, int ReviewerId, ConflictSource DeclaredBy, string? Reason);

/// <summary>
/// Finds every conflict of interest between the reviewers and the papers of one event.
/// Detected conflicts are computed each time from the current bylines, so an edited author list is never stale:
/// <list type="bullet">
/// <item><see cref="ConflictReason.SamePerson"/>: the reviewer's account submitted the paper, or one of the reviewer's
/// addresses is an author's (or the submitter's) address.</item>
/// <item><see cref="ConflictReason.SameAffiliation"/>: the reviewer's affiliation matches an author's by <see cref="AffiliationMatch"/>.</item>
/// <item><see cref="ConflictReason.CoAuthor"/>: the reviewer is an author (by address or account) of another submission of the
/// event that shares an author with this paper. Two bylines share an author when the addresses are equal, or, where an
/// address is missing, the name and the affiliation both are.</item>
/// <item>Declared conflicts, by authors, reviewers (a conflict bid) or organizers, with their reason.</item>
/// </list>
/// </summary>
public sealed class ConflictRules
{
    private readonly IReadOnlyList<PaperParties> papers;

    // Normalizing is most of the work; a call with 3,000 papers and 400 reviewers compares each byline 400 times.
    private readonly Dictionary<string, PreparedAffiliation> affiliations = new(StringComparer.Ordinal);
    private readonly Dictionary<PaperAuthor, string[]> authorKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PaperAuthor, string?> authorEmails = new(ReferenceEqualityComparer.Instance);

    public ConflictRules(IReadOnlyList<PaperParties> papers) => this.papers = papers;

    public IReadOnlyList<ConflictFinding> FindAll(IEnumerable<ReviewerIdentity> reviewers, IEnumerable<DeclaredConflictInput> declared)
    {
        var result = new List<ConflictFinding>();
        foreach (var reviewer in reviewers)
        {
            var coAuthors = CoAuthorIndex(reviewer);
            foreach (var paper in papers) result.AddRange(Detect(reviewer, paper, coAuthors));
        }
        result.AddRange(declared.Select(d => new ConflictFinding(d.SubmissionId, d.ReviewerId, ReasonOf(d.DeclaredBy), Blank(d.Reason))));
        return result;
    }

    /// <summary>The detected (not declared) conflicts of one pair.</summary>
    public IReadOnlyList<ConflictFinding> Detect(ReviewerIdentity reviewer, PaperParties paper) => Detect(reviewer, paper, CoAuthorIndex(reviewer));

    /// <summary>
    /// Whether a conflict closes papers to the reviewer themselves (their bidding list, their assigned papers, files and
    /// reviews). Co-authorship does not: it is computed from the reviewer's own bylines, which they may edit until the
    /// submission deadline, so if it closed papers a reviewer could add a guessed co-author to their own paper and watch
    /// a blind paper disappear. It binds the organizers instead: such a pair is never assigned (by hand or by the solver),
    /// and an assignment that predates it is flagged on the assignments page for the organizers to decide. Every other
    /// reason rests on data the reviewer cannot change (others' bylines, the affiliation the organizers entered, a
    /// confirmed address, declarations) and closes the paper at once.
    /// </summary>
    public static bool LimitsReviewerView(ConflictReason reason) => reason != ConflictReason.CoAuthor;

    public static ConflictReason ReasonOf(ConflictSource source) => source switch
    {
        ConflictSource.Author => ConflictReason.DeclaredByAuthor,
        ConflictSource.Reviewer => ConflictReason.DeclaredByReviewer,
        _ => ConflictReason.DeclaredByOrganizer,
    };

    private List<ConflictFinding> Detect(ReviewerIdentity reviewer, PaperParties paper, Dictionary<string, CoAuthorship> coAuthors)
    {
        var found = new List<ConflictFinding>();
        var emails = EmailSet(reviewer);
        if (reviewer.UserId is not null && reviewer.UserId == paper.SubmitterUserId)
        {
            found.Add(new(paper.SubmissionId, reviewer.ReviewerId, ConflictReason.SamePerson, reviewer.Name));
        }
        else if (paper.Authors.FirstOrDefault(a => IsReviewer(a, emails)) is { } self)
        {
            found.Add(new(paper.SubmissionId, reviewer.ReviewerId, ConflictReason.SamePerson, self.Name));
        }
        else if (paper.SubmitterEmail is not null && emails.Contains(NormalizeEmail(paper.SubmitterEmail)))
        {
            found.Add(new(paper.SubmissionId, reviewer.ReviewerId, ConflictReason.SamePerson, paper.SubmitterEmail));
        }

        var reviewerAffiliation = Prepared(reviewer.Affiliation);
        foreach (var author in paper.Authors)
        {
            if (reviewerAffiliation.Units.Length > 0 && AffiliationMatch.MatchingUnit(reviewerAffiliation, Prepared(author.Affiliation)) is { } unit)
            {
                found.Add(new(paper.SubmissionId, reviewer.ReviewerId, ConflictReason.SameAffiliation, $"{reviewer.Affiliation!.Trim()} ~ {unit}"));
                break;
            }
        }

        foreach (var author in paper.Authors)
        {
            if (IsReviewer(author, emails)) continue;
            if (coAuthors.Count == 0) break;
            var shared = KeysOf(author).Select(k => coAuthors.GetValueOrDefault(k)).FirstOrDefault(c => c is not null && c.Number != paper.Number);
            if (shared is not null)
            {
                found.Add(new(paper.SubmissionId, reviewer.ReviewerId, ConflictReason.CoAuthor, $"{shared.AuthorName} (#{shared.Number})"));
                break;
            }
        }
        return found;
    }

    private sealed record CoAuthorship(string AuthorName, int Number);

    /// <summary>Every author key of the other papers the reviewer wrote, pointing at one such paper.</summary>
    private Dictionary<string, CoAuthorship> CoAuthorIndex(ReviewerIdentity reviewer)
    {
        var emails = EmailSet(reviewer);
        var index = new Dictionary<string, CoAuthorship>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            var wrote = (reviewer.UserId is not null && reviewer.UserId == paper.SubmitterUserId)
                || paper.Authors.Any(a => IsReviewer(a, emails));
            if (!wrote) continue;
            foreach (var author in paper.Authors.Where(a => !IsReviewer(a, emails)))
            {
                foreach (var key in KeysOf(author)) index.TryAdd(key, new CoAuthorship(author.Name.Trim(), paper.Number));
            }
        }
        return index;
    }

    private PreparedAffiliation Prepared(string? affiliation)
    {
        if (affiliation is null) return AffiliationMatch.Prepare(null);
        if (!affiliations.TryGetValue(affiliation, out var prepared)) affiliations[affiliation] = prepared = AffiliationMatch.Prepare(affiliation);
        return prepared;
    }

    private string[] KeysOf(PaperAuthor author)
    {
        if (!authorKeys.TryGetValue(author, out var keys)) authorKeys[author] = keys = Keys(author).ToArray();
        return keys;
    }

    private bool IsReviewer(PaperAuthor author, HashSet<string> reviewerEmails)
    {
        if (!authorEmails.TryGetValue(author, out var email))
        {
            authorEmails[author] = email = string.IsNullOrWhiteSpace(author.Email) ? null : NormalizeEmail(author.Email);
        }
        return email is not null && reviewerEmails.Contains(email);
    }

    private static HashSet<string> EmailSet(ReviewerIdentity reviewer) =>
        reviewer.Emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(NormalizeEmail).ToHashSet(StringComparer.Ordinal);

    /// <summary>An address identifies an author; a name alone does not, so it counts only together with the affiliation.</summary>
    private static IEnumerable<string> Keys(PaperAuthor author)
    {
        if (!string.IsNullOrWhiteSpace(author.Email)) yield return "e:" + NormalizeEmail(author.Email);
        var name = AffiliationMatch.Normalize(author.Name);
        var affiliation = AffiliationMatch.Normalize(author.Affiliation);
        if (name.Length > 0 && affiliation.Length > 0) yield return $"n:{name}|{affiliation}";
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
