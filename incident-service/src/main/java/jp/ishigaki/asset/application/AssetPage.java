package jp.ishigaki.asset.application;

import jp.ishigaki.schemas.asset.Asset;

import java.util.List;

/** One page of the asset list. */
public record AssetPage(List<Asset> items, int page, int size, long total) {
}
