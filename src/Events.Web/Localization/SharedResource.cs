namespace Events.Web.Localization;

/// <summary>Marker for the app's one resource set: SharedResource.resx (中文, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
