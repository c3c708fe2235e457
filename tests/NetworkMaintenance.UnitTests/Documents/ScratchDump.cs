using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Templates;

namespace NetworkMaintenance.UnitTests.Documents;

public class ScratchDump
{
    [Fact]
    public void Dump()
    {
        foreach (var d in DocumentSamples.All())
        {
            var pdf = OfficialDocumentRenderer.Render(d);
            File.WriteAllBytes($"/tmp/h13/{d.GetType().Name}.pdf", pdf);
        }
        File.WriteAllBytes("/tmp/h13/onedevice.pdf", WorkBeritaAcaraTemplate.Render(DocumentSamples.WorkBeritaAcara() with { Devices = DocumentSamples.WorkBeritaAcara().Devices.Take(1).ToList() }));
        var sample = DocumentSamples.WorkBeritaAcara();
        File.WriteAllBytes("/tmp/h13/onedevice2.pdf", WorkBeritaAcaraTemplate.Render(sample with { Devices = sample.Devices.Take(1).ToList(), WorkDone = sample.WorkDone.Take(2).ToList() }));
    }
}
