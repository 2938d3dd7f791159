import "server-only";
import { db } from "@/lib/db";

export type PractitionerDto = { slug: string; name: string; title: string; bio: string };
export type ServiceDto = {
  slug: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceFromPence: number;
  bookableOnline: boolean;
};

export async function getPractitioners(): Promise<PractitionerDto[]> {
  return db.practitioner.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: { slug: true, name: true, title: true, bio: true },
  });
}

export async function getServices(): Promise<ServiceDto[]> {
  return db.service.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: { slug: true, name: true, description: true, durationMinutes: true, priceFromPence: true, bookableOnline: true },
  });
}
