package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.targetUserName;
import static org.iamdojo.iam.account.IamEntities.user;
import static org.iamdojo.iam.account.IamInput.USER_NAME;
import static org.iamdojo.iam.account.IamInput.name;
import static org.iamdojo.iam.account.IamInput.path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Virtual MFA devices of IAM users and of the root user (UserName omitted): CreateVirtualMFADevice,
 * EnableMFADevice, DeactivateMFADevice, DeleteVirtualMFADevice, ListMFADevices.
 */
final class MfaOperations {
    private MfaOperations() {
    }

    static ObjectNode createVirtualMfaDevice(OperationContext c, Params p) {
        String name = name(p, "VirtualMFADeviceName", USER_NAME);
        String serial = c.account().iamArn("mfa", path(p), name);
        if (c.account().virtualMfaSecrets.containsKey(serial)) {
            throw AwsException.alreadyExists("MFADevice entity at the same path and name already exists.");
        }
        String secret = c.ids().base32(32);
        c.account().virtualMfaSecrets.put(serial, secret);
        ObjectNode out = c.object();
        ObjectNode d = out.putObject("VirtualMFADevice");
        d.put("SerialNumber", serial);
        d.put("Base32StringSeed", secret);
        return out;
    }

    static ObjectNode enableMfaDevice(OperationContext c, Params p) {
        String serial = p.required("SerialNumber");
        String secret = c.account().virtualMfaSecrets.get(serial);
        if (secret == null) {
            throw AwsException.noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist.");
        }
        if (inUse(c, serial)) {
            throw AwsException.alreadyExists("MFA Device is already in use.");
        }
        String code1 = p.required("AuthenticationCode1");
        String code2 = p.required("AuthenticationCode2");
        if (!Totp.verify(secret, code1, c.now().minusSeconds(30)) && !Totp.verify(secret, code1, c.now())
                || !Totp.verify(secret, code2, c.now()) || code1.equals(code2)) {
            throw new AwsException("InvalidAuthenticationCode", 403,
                    "Authentication code for device is not valid.");
        }
        MfaDevice device = new MfaDevice(serial, secret, c.now());
        String userName = targetUserName(c, p);
        if (userName == null) {
            c.account().root.mfaDevice = device;
        } else {
            IamUser u = user(c, userName);
            if (u.mfaDevice != null) {
                throw AwsException.limitExceeded("Cannot exceed quota for MFADevicesPerUser: 1");
            }
            u.mfaDevice = device;
        }
        return c.object();
    }

    static ObjectNode deactivateMfaDevice(OperationContext c, Params p) {
        String serial = p.required("SerialNumber");
        String userName = targetUserName(c, p);
        if (userName == null) {
            RootUser root = c.account().root;
            if (root.mfaDevice == null || !root.mfaDevice.serialNumber().equals(serial)) {
                throw AwsException.noSuchEntity("MFA Device with serial number " + serial + " does not exist.");
            }
            root.mfaDevice = null;
        } else {
            IamUser u = user(c, userName);
            if (u.mfaDevice == null || !u.mfaDevice.serialNumber().equals(serial)) {
                throw AwsException.noSuchEntity("MFA Device with serial number " + serial + " does not exist.");
            }
            u.mfaDevice = null;
        }
        return c.object();
    }

    static ObjectNode deleteVirtualMfaDevice(OperationContext c, Params p) {
        String serial = p.required("SerialNumber");
        if (inUse(c, serial)) {
            throw AwsException.deleteConflict("MFA VirtualDevice in use. Must deactivate first.");
        }
        if (c.account().virtualMfaSecrets.remove(serial) == null) {
            throw AwsException.noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist.");
        }
        return c.object();
    }

    static ObjectNode listMfaDevices(OperationContext c, Params p) {
        String userName = targetUserName(c, p);
        MfaDevice d = userName == null ? c.account().root.mfaDevice : user(c, userName).mfaDevice;
        ObjectNode out = c.object();
        ArrayNode list = out.putArray("MFADevices");
        if (d != null) {
            ObjectNode e = list.addObject();
            if (userName != null) {
                e.put("UserName", userName);
            }
            e.put("SerialNumber", d.serialNumber());
            e.put("EnableDate", d.enableDate().toString());
        }
        out.put("IsTruncated", false);
        return out;
    }

    /** Whether a user or the root user of the account has the device enabled. */
    private static boolean inUse(OperationContext c, String serial) {
        return c.account().users.values().stream().anyMatch(u -> u.mfaDevice != null
                && u.mfaDevice.serialNumber().equals(serial))
                || (c.account().root.mfaDevice != null && c.account().root.mfaDevice.serialNumber().equals(serial));
    }
}
