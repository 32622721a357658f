package jp.ishigaki.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.ishigaki.asset.application.AssetInventory;
import jp.ishigaki.incident.application.DetectionLog;
import jp.ishigaki.incident.domain.DetectionRecord;
import jp.ishigaki.incident.domain.Incident;

import java.util.ArrayList;
import java.util.List;

/** Loads an incident's {@link IncidentEvidence}: its detections, and the inventory's entries for its assets and hosts. */
@ApplicationScoped
class IncidentEvidences {

    private final DetectionLog detections;
    private final AssetInventory assets;

    IncidentEvidences(DetectionLog detections, AssetInventory assets) {
        this.detections = detections;
        this.assets = assets;
    }

    @Transactional
    IncidentEvidence load(Incident incident, Formats formats) {
        List<DetectionRecord> records = detections.forIncident(incident.id());
        List<String> ids = new ArrayList<>(IncidentEvidence.assetIds(incident));
        records.stream().map(DetectionRecord::assetId).filter(id -> id != null && !id.isBlank()).forEach(ids::add);
        return IncidentEvidence.of(incident, records, assets.lookup(ids, IncidentEvidence.hosts(records)), formats);
    }
}
