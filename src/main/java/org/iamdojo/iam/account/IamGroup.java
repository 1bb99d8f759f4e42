package org.iamdojo.iam.account;

import java.time.Instant;

/** An IAM group: a set of users sharing policies. Groups cannot be principals. */
public final class IamGroup extends PolicyHolder {
    IamGroup(String name, String path, String id, String arn, Instant createDate) {
        super(name, path, id, arn, createDate);
    }
}
