/** What other modules may use of the iot module; every other file in this folder is internal. */
export { DEMO_SENSORS, seedDemoSensors } from './demo-sensors';
export { IotHub } from './iot-hub';
