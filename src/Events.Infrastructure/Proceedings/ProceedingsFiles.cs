namespace Events.Infrastructure.Proceedings;

/// <summary>File-store folders the volume reads and writes.</summary>
public static class ProceedingsFiles
{
    /// <summary>Where the papers feature keeps uploaded paper PDFs.</summary>
    public const string PaperFolder = Papers.SubmissionService.FileFolder;

    /// <summary>Built volumes, one file per build.</summary>
    public const string VolumeFolder = "proceedings";
}
