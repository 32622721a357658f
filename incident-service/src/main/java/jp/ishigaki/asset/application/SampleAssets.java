package jp.ishigaki.asset.application;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.ishigaki.asset.adapter.persistence.AssetEntity;
import jp.ishigaki.contact.application.SampleDataConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Imports the fictional sample inventory ({@code sample/assets.csv}) into an empty inventory when enabled. */
@ApplicationScoped
public class SampleAssets {

    private final AssetInventory inventory;
    private final SampleDataConfig config;

    public SampleAssets(AssetInventory inventory, SampleDataConfig config) {
        this.inventory = inventory;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!config.enabled() || QuarkusTransaction.requiringNew().call(() -> AssetEntity.count()) > 0) {
            return;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("sample/assets.csv")) {
            ImportReport report = inventory.importCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Log.infof("loaded %d fictional sample assets (ishigaki.sample-data.enabled)", report.created());
        }
    }
}
