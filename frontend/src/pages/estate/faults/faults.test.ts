import { describe, expect, it } from "vitest";
import { COMMON_FAULTS, commonFault, defectForFault, defectFromDescription, nextSteps, validateDescribe } from "./faults";

const ASSET = "6f1c7a55-0000-4000-8000-000000000009";

describe("one-tap faults", () => {
  it("makes an unsafe report urgent and stops the asset being used", () => {
    const unsafe = commonFault("unsafe");
    expect(unsafe).toBeDefined();
    expect(defectForFault(ASSET, unsafe!)).toEqual({ asset_id: ASSET, title: "Unsafe – stop using it", priority: "P1", take_out_of_service: true });
  });

  it("never takes an asset out of service for a fault that is not about safety", () => {
    for (const fault of COMMON_FAULTS.filter((f) => f.id !== "unsafe")) {
      expect(fault.unsafe).toBe(false);
      expect(fault.priority).not.toBe("P1");
      expect(defectForFault(ASSET, fault).take_out_of_service).toBe(false);
    }
  });

  it("gives broken kit a higher priority than cleaning, and cleaning than wear", () => {
    expect(commonFault("not-working")?.priority).toBe("P2");
    expect(commonFault("damaged")?.priority).toBe("P2");
    expect(commonFault("needs-cleaning")?.priority).toBe("P3");
    expect(commonFault("worn")?.priority).toBe("P4");
  });

  it("has titles the service accepts (1 to 200 characters) and unique ids", () => {
    expect(new Set(COMMON_FAULTS.map((f) => f.id)).size).toBe(COMMON_FAULTS.length);
    for (const fault of COMMON_FAULTS) expect(fault.label.length).toBeGreaterThan(0);
  });
});

describe("describing a fault", () => {
  it("asks for what is wrong and how urgent", () => {
    expect(validateDescribe({ title: "  ", description: "", priority: "" })).toEqual([
      { field: "title", message: "Enter what is wrong" },
      { field: "priority", message: "Select how urgent it is" },
    ]);
    expect(validateDescribe({ title: "Brake slips", description: "", priority: "P3" })).toEqual([]);
  });

  it("refuses text longer than the service keeps", () => {
    const errors = validateDescribe({ title: "x".repeat(201), description: "y".repeat(2001), priority: "P2" });
    expect(errors.map((e) => e.field)).toEqual(["title", "description"]);
    expect(errors[1]?.message).toBe("More detail must be 2,000 characters or fewer");
  });

  it("trims the text, leaves out a blank description, and treats urgent as unsafe", () => {
    expect(defectFromDescription(ASSET, { title: " Rail loose ", description: "  ", priority: "P2" })).toEqual({
      asset_id: ASSET,
      title: "Rail loose",
      priority: "P2",
      take_out_of_service: false,
    });
    expect(defectFromDescription(ASSET, { title: "Sparks", description: " from the plug ", priority: "P1" })).toMatchObject({
      description: "from the plug",
      take_out_of_service: true,
    });
  });
});

describe("what happens next", () => {
  it("tells the person to keep people off an asset taken out of service", () => {
    const steps = nextSteps("P1", true);
    expect(steps[0]).toMatch(/out of service/);
    expect(steps.some((step) => /nurse or senior carer/.test(step))).toBe(true);
    expect(nextSteps("P3", false).some((step) => /out of service/.test(step))).toBe(false);
  });
});
