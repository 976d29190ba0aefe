import type { TestApp } from '../../testing/test-app';

/**
 * Puts a demo account on duty with one fix `metres` north of `here`, taken `ageMin`
 * minutes ago, as its phone would; returns that account's client.
 */
export async function standOnDuty(
  app: TestApp,
  here: { lng: number; lat: number },
  username: string,
  metres: number,
  ageMin = 0,
) {
  const phone = await app.as(username);
  await phone.staff.setOnDuty({ onDuty: true });
  await phone.staff.reportPositions({
    points: [
      { lng: here.lng, lat: here.lat + metres / 111_195, accuracyM: 8, at: new Date(Date.now() - ageMin * 60_000) },
    ],
  });
  return phone;
}
