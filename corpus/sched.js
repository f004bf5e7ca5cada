// cpu-bound
// Task scheduler: a tiny OS-kernel simulation. Tasks with priorities exchange
// packets through FIFO inboxes; a producer generates jobs, two handlers split
// jobs into device requests, two devices process them and block until an
// idle-task "interrupt" releases them. The kernel always runs the
// highest-priority runnable task.

const KIND_JOB = 1;
const KIND_DEV = 2;

class Packet {
  constructor(kind, owner) {
    this.next = null;
    this.kind = kind;
    this.owner = owner;
    this.cursor = 0;
    this.serial = 0;
    this.data = [0, 0, 0, 0];
  }
}

class Task {
  constructor(id, priority) {
    this.id = id;
    this.priority = priority;
    this.head = null;
    this.tail = null;
    this.waiting = false;
    this.held = false;
    this.runs = 0;
  }
  enqueue(p) {
    p.next = null;
    if (this.tail === null) this.head = p;
    else this.tail.next = p;
    this.tail = p;
  }
  dequeue() {
    const p = this.head;
    this.head = p.next;
    if (this.head === null) this.tail = null;
    p.next = null;
    return p;
  }
  runnable() {
    return !this.held && (!this.waiting || this.head !== null);
  }
  step(kernel, packet) {}
}

class IdleTask extends Task {
  constructor(id, seed, budget) {
    super(id, 0);
    this.seed = seed;
    this.budget = budget;
    this.interrupts = 0;
  }
  step(kernel) {
    if (--this.budget === 0) {
      kernel.halted = true;
      return;
    }
    this.seed = (Math.imul(this.seed, 1103515245) + 12345) & 0x7fffffff;
    const r = this.seed >>> 16;
    this.interrupts++;
    kernel.release((r & 1) === 0 ? kernel.devA : kernel.devB);
    if ((r & 63) === 5) kernel.hold(kernel.producer);
    else if ((r & 63) === 41) kernel.release(kernel.producer);
  }
}

class ProducerTask extends Task {
  constructor(id, poolSize) {
    super(id, 1000);
    this.pool = [];
    for (let i = 0; i < poolSize; i++) this.pool.push(new Packet(KIND_JOB, id));
    this.value = 0;
    this.flip = false;
    this.completed = 0;
    this.serial = 0;
  }
  step(kernel, packet) {
    if (packet !== null) {
      this.completed++;
      this.pool.push(packet);
    }
    if (this.pool.length === 0) {
      this.waiting = true;
      return;
    }
    const job = this.pool.pop();
    job.cursor = 0;
    job.serial = ++this.serial;
    for (let i = 0; i < 4; i++) {
      this.value = this.value === 26 ? 1 : this.value + 1;
      job.data[i] = this.value;
    }
    this.flip = !this.flip;
    kernel.send(job, this.flip ? kernel.handlerA : kernel.handlerB);
    this.waiting = this.pool.length === 0;
  }
}

class HandlerTask extends Task {
  constructor(id, priority, device, devPackets) {
    super(id, priority);
    this.device = device;
    this.jobs = [];
    this.devPool = [];
    for (let i = 0; i < devPackets; i++) this.devPool.push(new Packet(KIND_DEV, id));
    this.waiting = true;
    this.units = 0;
  }
  step(kernel, packet) {
    if (packet.kind === KIND_JOB) this.jobs.push(packet);
    else this.devPool.push(packet);
    while (this.jobs.length > 0 && this.devPool.length > 0) {
      const job = this.jobs[0];
      const dev = this.devPool.pop();
      dev.data[0] = job.data[job.cursor];
      dev.data[1] = job.serial;
      dev.data[2] = job.cursor;
      job.cursor++;
      this.units++;
      kernel.send(dev, this.device);
      if (job.cursor === 4) {
        this.jobs.shift();
        kernel.send(job, kernel.byId[job.owner]);
      }
    }
  }
}

class DeviceTask extends Task {
  constructor(id, priority) {
    super(id, priority);
    this.waiting = true;
    this.busy = null;
    this.checksum = 0;
    this.processed = 0;
  }
  step(kernel, packet) {
    if (this.busy !== null) {
      kernel.send(this.busy, kernel.byId[this.busy.owner]);
      this.busy = null;
    }
    if (packet !== null) {
      this.busy = packet;
      this.processed++;
      this.checksum = (Math.imul(this.checksum, 31) + packet.data[0] * 7 + packet.data[1] + packet.data[2]) | 0;
      this.held = true;
      this.waiting = false;
    } else {
      this.waiting = true;
    }
  }
}

class Kernel {
  constructor(seed, budget) {
    this.tasks = [];
    this.byId = [];
    this.halted = false;
    this.sends = 0;
    this.holds = 0;
    this.releases = 0;
    this.steps = 0;
    this.devA = this.add(new DeviceTask(1, 5000));
    this.devB = this.add(new DeviceTask(2, 4000));
    this.handlerA = this.add(new HandlerTask(3, 3000, this.devA, 2));
    this.handlerB = this.add(new HandlerTask(4, 2000, this.devB, 3));
    this.producer = this.add(new ProducerTask(5, 3));
    this.idle = this.add(new IdleTask(6, seed, budget));
    this.tasks.sort((a, b) => b.priority - a.priority);
  }
  add(task) {
    this.tasks.push(task);
    this.byId[task.id] = task;
    return task;
  }
  send(packet, task) {
    this.sends++;
    task.enqueue(packet);
  }
  hold(task) {
    if (!task.held) this.holds++;
    task.held = true;
  }
  release(task) {
    if (task.held) this.releases++;
    task.held = false;
  }
  pick() {
    const tasks = this.tasks;
    for (let i = 0; i < tasks.length; i++) {
      if (tasks[i].runnable()) return tasks[i];
    }
    return null;
  }
  run() {
    while (!this.halted) {
      const t = this.pick();
      if (t === null) throw new Error("deadlock");
      const packet = t.waiting ? t.dequeue() : null;
      t.runs++;
      this.steps++;
      t.step(this, packet);
    }
  }
  summary() {
    return "steps=" + this.steps + " sends=" + this.sends + " holds=" + this.holds + " releases=" + this.releases +
      " jobs=" + this.producer.completed + " units=" + (this.handlerA.units + this.handlerB.units) +
      " dev=" + this.devA.processed + "/" + this.devB.processed +
      " sum=" + (this.devA.checksum ^ this.devB.checksum);
  }
}

function main() {
  let total = 0;
  let combined = 0;
  for (let round = 0; round < 8; round++) {
    const k = new Kernel(1000 + round * 7919, 1500 + round * 60);
    k.run();
    total += k.steps;
    combined = (Math.imul(combined, 17) + k.sends + k.devA.checksum - k.devB.checksum) | 0;
    if (round % 3 === 0 || round === 7) console.log("round " + round + ": " + k.summary());
  }
  console.log("total steps=" + total + " combined=" + combined);
  const runs = new Kernel(42, 2000);
  runs.run();
  console.log("runs by task: " + runs.tasks.map(t => t.id + ":" + t.runs).join(" "));
}
