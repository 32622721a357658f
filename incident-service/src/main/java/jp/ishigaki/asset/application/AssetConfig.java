package jp.ishigaki.asset.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Asset inventory settings: the classification scales (the city's own 対策基準 may differ) and import limits. */
@ConfigMapping(prefix = "ishigaki.assets")
public interface AssetConfig {

    /** Allowed 自治体機密性 classes (guideline of 令和6年10月: 3A, 3B, 3C, 2, 1). */
    @WithDefault("3A,3B,3C,2,1")
    List<String> confidentialityClasses();

    /** Allowed 完全性 classes. */
    @WithDefault("2,1")
    List<String> integrityClasses();

    /** Allowed 可用性 classes. */
    @WithDefault("2,1")
    List<String> availabilityClasses();

    /** Largest number of data rows one CSV import accepts. */
    @WithDefault("20000")
    int importMaxRows();

    /** Largest page size of the asset list. */
    @WithDefault("500")
    int maxPageSize();
}
