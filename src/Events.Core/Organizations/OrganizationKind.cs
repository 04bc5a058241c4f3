namespace Events.Core.Organizations;

public enum OrganizationKind
{
    GovernmentDepartment,
    Society,
    ResearchInstitute,
    University,
    Company,
    Other,
}
