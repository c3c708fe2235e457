namespace NetworkMaintenance.Core.Domain;

public enum OrgUnitKind
{
    Dinas,
    Bidang,
    Seksi,
}

/// <summary>
/// A unit of Diskominfo's own organisation (the agency, a bidang, a seksi) and who heads it.
/// The seed names the same bidang twice under different names, so units are data, never code.
/// </summary>
public class OrgUnit
{
    private OrgUnit() { }

    public OrgUnit(string name, OrgUnitKind kind, int? parentId = null)
    {
        Rename(name);
        Kind = kind;
        ParentId = parentId;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrgUnitKind Kind { get; private set; }
    public int? ParentId { get; private set; }
    public OrgUnit? Parent { get; private set; }
    public string? HeadUserId { get; private set; }
    public AppUser? Head { get; private set; }
    public bool IsActive { get; private set; }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException(OrgUnitMessages.NameRequired);
        Name = name.Trim();
    }

    public void MoveUnder(int? parentId)
    {
        if (parentId == Id && Id != 0) throw new DomainException(OrgUnitMessages.OwnParent);
        ParentId = parentId;
    }

    public void ChangeKind(OrgUnitKind kind) => Kind = kind;

    public void SetHead(string? userId) => HeadUserId = string.IsNullOrWhiteSpace(userId) ? null : userId;

    public void Deactivate() => IsActive = false;
    public void Activate() => IsActive = true;

    public static string KindLabel(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Dinas => "Dinas",
        OrgUnitKind.Bidang => "Bidang",
        OrgUnitKind.Seksi => "Seksi",
        _ => kind.ToString(),
    };
}

/// <summary>The refusals of an organisation unit's rules that its form also shows: written once, for the domain and the validator.</summary>
public static class OrgUnitMessages
{
    public const string NameRequired = "Nama unit wajib diisi.";
    public const string OwnParent = "Unit tidak dapat menjadi induk dirinya sendiri.";
}
