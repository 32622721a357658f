package jp.ishigaki.schemas.asset;

import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.topic.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AssetJsonTest {

    private static Asset asset(String manager, Instant updatedAt) {
        return new Asset("LG-PC-01", "LGWAN端末群", List.of("lg-pc-0101"), List.of("10.20.32.0/20"), Segment.LGWAN,
                "情報政策課", manager, "2", "2", "2", updatedAt);
    }

    @Test
    void writesTheMappersBytesAndReadsThemBack() throws Exception {
        Asset asset = asset("渡辺 直樹", Instant.parse("2026-11-26T00:00:00Z"));
        byte[] json = AssetJson.bytes(asset);

        assertThat(json).isEqualTo(Json.mapper().writeValueAsBytes(asset));
        assertThat(AssetJson.read(json)).isEqualTo(asset);
        assertThat(AssetJson.read(json.clone())).as("a copy of the bytes, as a rule hit read back carries").isEqualTo(asset);
    }

    @Test
    void versionsOfOneAssetThatDifferOnlyBeyondTheHashedPrefixReadAsThemselves() throws Exception {
        Asset before = asset("渡辺 直樹", Instant.parse("2026-11-26T00:00:00Z"));
        Asset after = asset("山田 花子", Instant.parse("2026-11-27T00:00:00Z"));
        byte[] beforeJson = AssetJson.bytes(before);
        byte[] afterJson = AssetJson.bytes(after);
        assertThat(java.util.Arrays.copyOf(beforeJson, 64)).as("same first 64 bytes").isEqualTo(java.util.Arrays.copyOf(afterJson, 64));

        assertThat(AssetJson.read(beforeJson)).isEqualTo(before);
        assertThat(AssetJson.read(afterJson)).isEqualTo(after);
        assertThat(AssetJson.read(beforeJson.clone())).isEqualTo(before);
    }
}
